package org.interlock.federation.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DisseminationCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final HandlingConditions TO_PROBATION =
            new HandlingConditions(Set.of("probation"), false, Optional.of(NOW.plus(Duration.ofDays(30))));

    private final DisseminationCheck check = new DisseminationCheck();

    private static ReceivedItem item(HandlingConditions conditions) {
        return new ReceivedItem("nl", "env-1", conditions, Optional.empty());
    }

    private static OriginatorPermission permission(String from, String envelope, String recipient, Optional<Instant> until) {
        return new OriginatorPermission(from, envelope, recipient, NOW.minusSeconds(60), until, "env-77");
    }

    @Test
    void withNoConditionsAllowingItNothingGoesOn() {
        assertEquals(new Onward.Withheld(Onward.Reason.NOT_ALLOWED_BY_ORIGINATOR),
                check.decide(item(HandlingConditions.NO_DISSEMINATION), "probation", List.of(), NOW));
    }

    @Test
    void aRecipientTheOriginatorListedReceivesItWithoutAsking() {
        assertEquals(new Onward.Allowed("originator-conditions"), check.decide(item(TO_PROBATION), "probation", List.of(), NOW));
    }

    @Test
    void aRecipientTheOriginatorDidNotListIsRefused() {
        assertEquals(new Onward.Withheld(Onward.Reason.NOT_ALLOWED_BY_ORIGINATOR),
                check.decide(item(TO_PROBATION), "mentoring-trust", List.of(), NOW));
    }

    @Test
    void aListedRecipientNeedsAPermissionWhenTheOriginatorAsksToBeAsked() {
        HandlingConditions askFirst = new HandlingConditions(Set.of("probation"), true, Optional.empty());

        assertEquals(new Onward.Withheld(Onward.Reason.PERMISSION_REQUIRED),
                check.decide(item(askFirst), "probation", List.of(), NOW));
    }

    @Test
    void aPermissionRecordedFromTheOriginatorAllowsThatRecipient() {
        assertEquals(new Onward.Allowed("originator-permission:env-77"), check.decide(item(TO_PROBATION),
                "mentoring-trust", List.of(permission("nl", "env-1", "mentoring-trust", Optional.empty())), NOW));
    }

    @Test
    void aPermissionFromAnyoneButTheOriginatorCountsForNothing() {
        assertEquals(new Onward.Withheld(Onward.Reason.NOT_ALLOWED_BY_ORIGINATOR), check.decide(item(TO_PROBATION),
                "mentoring-trust", List.of(permission("be", "env-1", "mentoring-trust", Optional.empty())), NOW));
    }

    @Test
    void aPermissionForAnotherItemOrRecipientOrPastItsEndCountsForNothing() {
        List<OriginatorPermission> others = List.of(
                permission("nl", "env-2", "mentoring-trust", Optional.empty()),
                permission("nl", "env-1", "housing-partner", Optional.empty()),
                permission("nl", "env-1", "mentoring-trust", Optional.of(NOW)));

        assertEquals(new Onward.Withheld(Onward.Reason.NOT_ALLOWED_BY_ORIGINATOR),
                check.decide(item(TO_PROBATION), "mentoring-trust", others, NOW));
    }

    @Test
    void anExpiredItemGoesNowhereEvenToAListedRecipient() {
        assertEquals(new Onward.Withheld(Onward.Reason.ITEM_EXPIRED),
                check.decide(item(TO_PROBATION), "probation", List.of(), NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void aRevokedItemGoesNowhereEvenWithAPermission() {
        ReceivedItem revoked = new ReceivedItem("nl", "env-1", TO_PROBATION, Optional.of(NOW.minusSeconds(1)));

        assertEquals(new Onward.Withheld(Onward.Reason.ITEM_REVOKED), check.decide(revoked, "mentoring-trust",
                List.of(permission("nl", "env-1", "mentoring-trust", Optional.empty())), NOW));
    }
}
