package org.interlock.federation.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.interlock.federation.RefusalReason;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final Freshness freshness = new Freshness(Duration.ofMinutes(5));

    @Test
    void anEnvelopeIssuedWithinTheSkewEitherSideIsFresh() {
        assertEquals(Optional.empty(), freshness.judge(NOW.minus(Duration.ofMinutes(5)), NOW));
        assertEquals(Optional.empty(), freshness.judge(NOW.plus(Duration.ofMinutes(5)), NOW));
    }

    @Test
    void anEnvelopeIssuedBeyondTheSkewIsStaleOrFromTheFuture() {
        assertEquals(Optional.of(RefusalReason.STALE), freshness.judge(NOW.minusSeconds(301), NOW));
        assertEquals(Optional.of(RefusalReason.ISSUED_IN_FUTURE), freshness.judge(NOW.plusSeconds(301), NOW));
    }

    @Test
    void freshnessRemembersNothingSoTheSameIdIsAdmittedTwice() {
        assertEquals(Optional.empty(), freshness.admit("nl", "e-1", NOW, 1, NOW));
        assertEquals(Optional.empty(), freshness.admit("nl", "e-1", NOW, 1, NOW));
    }
}
