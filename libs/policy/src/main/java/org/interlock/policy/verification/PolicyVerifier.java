package org.interlock.policy.verification;

import java.util.List;
import java.util.Optional;

import org.interlock.policy.ConsentGrant;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.Policy;

/**
 * Runs policy test cases against a policy, each with a caseload and a consent registry that hold
 * exactly what the case states. Used by the build's tests; usable before putting a new policy in force.
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
        String subject = request.principal() == null ? null : request.principal().username();
        String person = request.resource() == null ? null : request.resource().person();
        InterlockPolicyEngine engine = new InterlockPolicyEngine(() -> policy,
                (username, who) -> testCase.inCaseload() && username.equals(subject) && who.equals(person),
                (who, organisation, category, purpose, at) -> testCase.consent() && who.equals(person)
                        ? Optional.of(new ConsentGrant("consent-under-test", who, organisation, at))
                        : Optional.empty());
        return engine.decide(request);
    }
}
