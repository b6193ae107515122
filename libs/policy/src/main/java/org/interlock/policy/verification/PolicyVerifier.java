package org.interlock.policy.verification;

import java.util.List;

import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;

/**
 * Runs policy test cases against a policy, each in the world the case states ({@link World}). Used by the build's tests; usable before putting a new policy in force.
 */
public final class PolicyVerifier {

    private PolicyVerifier() {
    }

    /** Every way the policy's decision differs from the case's expectation; empty when it passes. */
    public static List<String> verify(Policy policy, PolicyCase testCase) {
        return testCase.expected().mismatches(decide(policy, testCase));
    }

    public static Decision decide(Policy policy, PolicyCase testCase) {
        DecisionRequest request = testCase.request();
        String person = request.resource() == null ? null : request.resource().person();
        return new InterlockPolicyEngine(() -> policy,
                testCase.world().views(request.principal(), person, testCase.personas())).decide(request);
    }
}
