package org.interlock.audit.record;

import java.util.Objects;

/**
 * The outcome as evidence: permit or deny and the machine-readable reason code (for a deny, why; for a
 * permit, e.g. {@code agreement} or {@code break-glass}). The policy package's richer decision types map
 * onto this; the log keeps only what an auditor reads.
 */
public record Decision(Outcome outcome, String reason) {

    public enum Outcome {
        PERMIT,
        DENY
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Decision permit(String reason) {
        return new Decision(Outcome.PERMIT, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(Outcome.DENY, reason);
    }
}
