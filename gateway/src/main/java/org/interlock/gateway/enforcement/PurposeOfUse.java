package org.interlock.gateway.enforcement;

import org.interlock.policy.PolicyEngine;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/** Every request declares why it is made; a missing or unknown purpose is refused before anything else. */
public final class PurposeOfUse {

    public static final String HEADER = "X-Purpose-Of-Use";
    public static final String BREAK_GLASS = "X-Break-Glass-Reason";

    private PurposeOfUse() {
    }

    public static String require(String purpose, PolicyEngine policy) {
        if (purpose == null || purpose.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The header " + HEADER + " is required");
        }
        if (!policy.knownPurpose(purpose)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Unknown purpose of use: " + purpose);
        }
        return purpose;
    }

    /** A stated reason, or null; an empty or absurd reason is refused rather than ignored. */
    public static String breakGlass(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.isBlank() || reason.length() > 500) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The header " + BREAK_GLASS + " must state a reason (1-500 characters)");
        }
        return reason.strip();
    }
}
