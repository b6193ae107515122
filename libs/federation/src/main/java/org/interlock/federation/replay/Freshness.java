package org.interlock.federation.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.interlock.federation.RefusalReason;

/**
 * An envelope must be issued within {@code skew} of now: later is {@code issued-in-future}, earlier is
 * {@code stale}. The rule alone, remembering nothing: for a receiver that keeps every received envelope id and
 * sequence number durably and so needs no window to forget them (the gateway).
 */
public record Freshness(Duration skew) implements ReplayGuard {

    public Freshness {
        if (skew.isNegative() || skew.isZero()) {
            throw new IllegalArgumentException("the skew must be positive");
        }
    }

    /** Why an envelope issued at {@code issuedAt} is not fresh at {@code now}, or empty when it is. */
    public Optional<RefusalReason> judge(Instant issuedAt, Instant now) {
        if (issuedAt.isAfter(now.plus(skew))) {
            return Optional.of(RefusalReason.ISSUED_IN_FUTURE);
        }
        if (issuedAt.isBefore(now.minus(skew))) {
            return Optional.of(RefusalReason.STALE);
        }
        return Optional.empty();
    }

    @Override
    public Optional<RefusalReason> admit(String peer, String envelopeId, Instant issuedAt, long auditSequence,
                                         Instant now) {
        return judge(issuedAt, now);
    }
}
