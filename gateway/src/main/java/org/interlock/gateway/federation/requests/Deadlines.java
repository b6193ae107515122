package org.interlock.gateway.federation.requests;

import java.time.Duration;
import java.time.Instant;

import org.interlock.federation.envelope.Urgency;

/**
 * When a request for information must be answered: from when it was sent or received, by its urgency. The
 * Directive's 3 days for an urgent request about information held indirectly is not chosen here: whether the
 * information is held directly is known only once the single point of contact looks, so the clock starts at the
 * strictest limit (ADR 0021).
 */
public record Deadlines(Duration urgent, Duration notUrgent) {

    public Deadlines {
        if (!urgent.isPositive() || !notUrgent.isPositive()) {
            throw new IllegalArgumentException("interlock.federation.deadline.urgent and .not-urgent must be positive");
        }
    }

    public static Deadlines of(DeadlineConfig config) {
        return new Deadlines(config.urgent(), config.notUrgent());
    }

    public Instant deadline(Urgency urgency, Instant from) {
        return from.plus(urgency == Urgency.URGENT ? urgent : notUrgent);
    }
}
