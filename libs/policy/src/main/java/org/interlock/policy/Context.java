package org.interlock.policy;

import java.time.Instant;

/**
 * The circumstances of a request.
 *
 * @param purpose          the declared purpose of use ({@code X-Purpose-Of-Use})
 * @param breakGlassReason the stated reason for break-glass access; null or blank when not invoked
 * @param at               when the decision applies (agreement validity, consent)
 */
public record Context(String purpose, String breakGlassReason, Instant at) {

    public static Context of(String purpose, Instant at) {
        return new Context(purpose, null, at);
    }

    public boolean breakGlass() {
        return breakGlassReason != null && !breakGlassReason.isBlank();
    }
}
