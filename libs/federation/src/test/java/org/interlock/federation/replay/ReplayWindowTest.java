package org.interlock.federation.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.interlock.federation.RefusalReason;

class ReplayWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final ReplayWindow window = new ReplayWindow(SKEW, 3);

    private void fillWindow() {
        for (int n = 1; n <= 3; n++) {
            assertEquals(Optional.empty(), window.admit("nl", "e" + n, NOW, n, NOW));
        }
    }

    @Test
    void aFreshEnvelopeIsAdmitted() {
        assertEquals(Optional.empty(), window.admit("nl", "e1", NOW, 1, NOW));
    }

    @Test
    void theSameIdWithinTheWindowIsRefusedAsReplayed() {
        window.admit("nl", "e1", NOW, 1, NOW);

        assertEquals(Optional.of(RefusalReason.REPLAYED), window.admit("nl", "e1", NOW, 2, NOW.plusSeconds(30)));
    }

    @Test
    void idsAreRememberedPerPeer() {
        window.admit("nl", "e1", NOW, 1, NOW);

        assertEquals(Optional.empty(), window.admit("be", "e1", NOW, 1, NOW));
    }

    @Test
    void anEnvelopeOlderThanTheSkewIsStaleAndOneTooFarAheadIsFromTheFuture() {
        assertEquals(Optional.of(RefusalReason.STALE), window.admit("nl", "e1", NOW.minus(SKEW).minusSeconds(1), 1, NOW));
        assertEquals(Optional.of(RefusalReason.ISSUED_IN_FUTURE),
                window.admit("nl", "e2", NOW.plus(SKEW).plusSeconds(1), 2, NOW));
    }

    @Test
    void aFullWindowRefusesRatherThanForgetALiveId() {
        fillWindow();

        assertEquals(Optional.of(RefusalReason.REPLAY_WINDOW_FULL), window.admit("nl", "e4", NOW, 4, NOW));
    }

    @Test
    void idsThatCanOnlyBeStaleAreForgottenToMakeRoom() {
        fillWindow();
        Instant later = NOW.plus(SKEW).plusSeconds(1);

        assertEquals(Optional.empty(), window.admit("nl", "e4", later, 4, later));
        assertEquals(Optional.of(RefusalReason.STALE), window.admit("nl", "e1", NOW, 5, later));
    }

    @Test
    void aReceiverClockSetBackDoesNotReopenTheWindowForForgottenIds() {
        fillWindow();
        Instant later = NOW.plus(SKEW).plusSeconds(1);
        window.admit("nl", "e4", later, 4, later);

        assertEquals(Optional.of(RefusalReason.STALE), window.admit("nl", "e1", NOW, 5, NOW.plusSeconds(60)));
    }

    @Test
    void auditSequenceNumbersMustIncreasePerPeer() {
        window.admit("nl", "e1", NOW, 10, NOW);

        assertEquals(Optional.of(RefusalReason.SEQUENCE_NOT_INCREASING), window.admit("nl", "e2", NOW, 10, NOW));
        assertEquals(Optional.empty(), window.admit("nl", "e3", NOW, 11, NOW));
    }

    @Test
    void aRefusedEnvelopeLeavesNothingBehind() {
        window.admit("nl", "e1", NOW, 10, NOW);
        window.admit("nl", "e2", NOW, 9, NOW);

        assertEquals(Optional.empty(), window.admit("nl", "e2", NOW, 11, NOW));
    }
}
