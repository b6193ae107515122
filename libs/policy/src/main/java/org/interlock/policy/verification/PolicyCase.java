package org.interlock.policy.verification;

import org.interlock.policy.DecisionRequest;

/**
 * One case of a policy test file: a request, the world it is asked in (whether the person is in the
 * subject's caseload, whether consent is in force) and the decision the policy must give.
 *
 * @param where {@code file:line} of the case, for failure messages
 */
public record PolicyCase(String name, String where, DecisionRequest request, boolean inCaseload, boolean consent,
        Expectation expected) {
}
