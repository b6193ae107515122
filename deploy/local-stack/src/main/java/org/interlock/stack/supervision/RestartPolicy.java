package org.interlock.stack.supervision;

import java.time.Duration;

/**
 * When a component that died is started again: after {@code firstDelay}, doubling with each
 * attempt up to {@code maxDelay}; the count of attempts starts again once the component has stayed
 * up for {@code stablePeriod}. After {@code maxAttempts} attempts in a row without such a period it
 * is reported as failed and left down, rather than restarted for ever in a tight loop.
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stablePeriod, int maxAttempts) {

    /** 1, 2, 4, 8, 16, 30 s: six attempts within about a minute, then failed. */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 6);

    public RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Not a restart policy: " + firstDelay + ", " + maxDelay + ", "
                    + maxAttempts);
        }
    }

    /** The wait before attempt {@code attempt} (1 for the first restart after a stable run). */
    public Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether a component may be started again after {@code attempts} attempts in a row. */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }
}
