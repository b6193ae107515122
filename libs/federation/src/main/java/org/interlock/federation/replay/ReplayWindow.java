package org.interlock.federation.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.interlock.federation.RefusalReason;

/**
 * Admits each authenticated envelope at most once. An envelope must be issued within {@code skew} of now; inside
 * that window each peer's envelope ids are remembered, so a second copy is refused, and once an envelope's
 * issued-at falls out of the window it would be refused as stale anyway, so its id can be forgotten. Memory is
 * bounded: a peer whose window is full of live ids is refused (its outbox retries) rather than having an id
 * forgotten that could then be replayed. As a secondary check, each peer's audit sequence numbers must increase.
 *
 * <p>In memory, for one process; the gateway backs the same rule with a durable store shared by its replicas.
 */
public final class ReplayWindow implements ReplayGuard {

    /** The clock skew the gateway allows unless told otherwise (ADR 0021). */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

    private final Freshness freshness;
    private final int capacityPerPeer;
    private final Map<String, PeerWindow> peers = new HashMap<>();

    public ReplayWindow(Duration skew, int capacityPerPeer) {
        if (skew.isNegative() || skew.isZero() || capacityPerPeer < 1) {
            throw new IllegalArgumentException("the skew must be positive and the capacity at least 1");
        }
        this.freshness = new Freshness(skew);
        this.capacityPerPeer = capacityPerPeer;
    }

    /** Admits the envelope and remembers it, or says why not (and then remembers nothing). */
    @Override
    public synchronized Optional<RefusalReason> admit(String peer, String envelopeId, Instant issuedAt,
                                                      long auditSequence, Instant now) {
        PeerWindow window = peers.computeIfAbsent(peer, id -> new PeerWindow());
        // A receiver clock set back must not bring forgotten ids back into the window: judge by the latest "now".
        Instant latest = window.latestNow == null || now.isAfter(window.latestNow) ? now : window.latestNow;
        window.latestNow = latest;
        Optional<RefusalReason> unfresh = freshness.judge(issuedAt, now).or(() -> freshness.judge(issuedAt, latest));
        if (unfresh.isPresent()) {
            return unfresh;
        }
        Instant oldestAllowed = latest.minus(freshness.skew());
        if (window.seen.containsKey(envelopeId)) {
            return Optional.of(RefusalReason.REPLAYED);
        }
        if (auditSequence <= window.lastSequence) {
            return Optional.of(RefusalReason.SEQUENCE_NOT_INCREASING);
        }
        if (window.seen.size() >= capacityPerPeer) {
            window.seen.values().removeIf(seenIssuedAt -> seenIssuedAt.isBefore(oldestAllowed));
            if (window.seen.size() >= capacityPerPeer) {
                return Optional.of(RefusalReason.REPLAY_WINDOW_FULL);
            }
        }
        window.seen.put(envelopeId, issuedAt);
        window.lastSequence = auditSequence;
        return Optional.empty();
    }

    private static final class PeerWindow {
        private final Map<String, Instant> seen = new HashMap<>();
        private long lastSequence = -1;
        private Instant latestNow;
    }
}
