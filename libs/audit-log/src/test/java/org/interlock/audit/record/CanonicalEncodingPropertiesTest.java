package org.interlock.audit.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CanonicalEncodingPropertiesTest {

    @Property(tries = 500)
    void everyRecordRoundTripsThroughItsCanonicalBytes(@ForAll("records") AuditRecord record) {
        byte[] bytes = CanonicalEncoding.encode(record);
        AuditRecord decoded = CanonicalEncoding.decode(bytes);
        assertEquals(record, decoded);
        assertArrayEquals(bytes, CanonicalEncoding.encode(decoded));
        assertTrue(CanonicalEncoding.isCanonical(bytes));
    }

    @Property(tries = 200)
    void encodingIsDeterministic(@ForAll("records") AuditRecord record) {
        AuditRecord copy = CanonicalEncoding.decode(CanonicalEncoding.encode(record));
        assertArrayEquals(CanonicalEncoding.encode(copy), CanonicalEncoding.encode(record));
        assertEquals(CanonicalEncoding.leafHash(copy), CanonicalEncoding.leafHash(record));
    }

    @Provide
    Arbitrary<AuditRecord> records() {
        Arbitrary<String> text = text();
        Arbitrary<Actor> actors = Builders.withBuilder(() -> new Actor(null, null, null, null, null))
                .use(text.injectNull(0.3)).in((a, s) -> new Actor(s, a.agency(), a.org(), a.client(), a.onBehalfOf()))
                .use(text.injectNull(0.3)).in((a, s) -> new Actor(a.subject(), s, a.org(), a.client(), a.onBehalfOf()))
                .use(text.injectNull(0.5)).in((a, s) -> new Actor(a.subject(), a.agency(), s, a.client(), a.onBehalfOf()))
                .use(text.injectNull(0.5)).in((a, s) -> new Actor(a.subject(), a.agency(), a.org(), s, a.onBehalfOf()))
                .use(text.injectNull(0.7)).in((a, s) -> new Actor(a.subject(), a.agency(), a.org(), a.client(), s))
                .build();
        Arbitrary<Resource> resources = text.list().ofSize(5)
                .map(f -> new Resource(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4))).injectNull(0.2);
        Arbitrary<Decision> decisions = Arbitraries.of(Decision.Outcome.class)
                .flatMap(outcome -> text.injectNull(0.2).map(reason -> new Decision(outcome, reason)));
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_102_444_800_000_000L)
                .map(micros -> Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
        Arbitrary<List<String>> optionals = text.injectNull(0.4).list().ofSize(7);
        return Builders.withBuilder(() -> new Object[4])
                .use(Arbitraries.longs().between(0, 1L << 53)).in((a, v) -> set(a, 0, v))
                .use(times).in((a, v) -> set(a, 1, v))
                .use(actors).in((a, v) -> set(a, 2, v))
                .use(optionals).in((a, v) -> set(a, 3, v))
                .build(a -> a)
                .flatMap(a -> Arbitraries.of(Action.class).flatMap(action -> decisions.flatMap(decision ->
                        resources.flatMap(resource -> text.list().ofMaxSize(4).map(redacted -> {
                            @SuppressWarnings("unchecked")
                            List<String> o = (List<String>) a[3];
                            return new AuditRecord((Long) a[0], (Instant) a[1], (Actor) a[2], action, resource,
                                    o.get(0), decision, redacted, o.get(1), o.get(2), o.get(3), o.get(4), o.get(5),
                                    o.get(6));
                        })))));
    }

    /** Any Unicode text: ASCII, controls, quotes, backslashes, other planes — never an unpaired surrogate. */
    private static Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((int) '"', (int) '\\')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x10ffff)
                        .filter(cp -> cp < 0xd800 || cp > 0xdfff)));
        return codePoints.list().ofMaxSize(24)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    private static Object[] set(Object[] values, int index, Object value) {
        values[index] = value;
        return values;
    }
}
