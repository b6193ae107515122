package org.interlock.federation.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Deny by default: an item goes on only where its originator listed the recipient or recorded a permission. */
class DisseminationPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final List<String> RECIPIENTS = List.of("probation", "prisons", "mentoring-trust", "federation:be");

    @Property(tries = 1000)
    void allowedExactlyWhenListedWithoutAskingOrPermittedByTheOriginator(
            @ForAll("recipientSets") Set<String> listed, @ForAll boolean askFirst,
            @ForAll("recipients") String recipient, @ForAll("permissions") List<OriginatorPermission> permissions) {
        ReceivedItem item = new ReceivedItem("nl", "env-1", new HandlingConditions(listed, askFirst, Optional.empty()),
                Optional.empty());

        Onward onward = new DisseminationCheck().decide(item, recipient, permissions, NOW);

        boolean permitted = permissions.stream().anyMatch(p -> p.originPeer().equals("nl")
                && p.envelopeId().equals("env-1") && p.recipient().equals(recipient)
                && !NOW.isBefore(p.grantedAt()) && p.until().map(NOW::isBefore).orElse(true));
        assertEquals((listed.contains(recipient) && !askFirst) || permitted, onward instanceof Onward.Allowed);
    }

    @Provide
    Arbitrary<String> recipients() {
        return Arbitraries.of(RECIPIENTS);
    }

    @Provide
    Arbitrary<Set<String>> recipientSets() {
        return Arbitraries.of(RECIPIENTS).set();
    }

    @Provide
    Arbitrary<List<OriginatorPermission>> permissions() {
        Arbitrary<OriginatorPermission> permission = Combinators.combine(
                Arbitraries.of("nl", "be"), Arbitraries.of("env-1", "env-2"), Arbitraries.of(RECIPIENTS),
                Arbitraries.integers().between(-60, 60), Arbitraries.integers().between(-60, 60).optional())
                .as((origin, envelope, recipient, granted, until) -> new OriginatorPermission(origin, envelope,
                        recipient, NOW.plusSeconds(granted), until.map(NOW::plusSeconds), "env-9"));
        return permission.list().ofMaxSize(4);
    }
}
