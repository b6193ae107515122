package org.interlock.policy.verification;

import java.util.Map;

import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Principal;

/**
 * One case of a policy test file: a request, the world it is asked in (caseload, consent,
 * referral, restriction, suspension; the personas as the staff) and the decision the policy must give.
 *
 * @param where {@code file:line} of the case, for failure messages
 */
public record PolicyCase(String name, String where, DecisionRequest request, World world,
        Map<String, Principal> personas, Expectation expected) {

    public PolicyCase {
        personas = Map.copyOf(personas);
    }

    public boolean inCaseload() {
        return world.inCaseload();
    }
}
