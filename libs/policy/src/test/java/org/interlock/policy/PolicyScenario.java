package org.interlock.policy;

import java.util.List;
import java.util.Optional;

import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

/** A generated world: a policy, a request, and whether the person is allocated and consenting. */
record PolicyScenario(List<SharingAgreement> agreements, List<DenyRule> denyRules, DecisionRequest request,
        boolean inCaseload, boolean consent) {

    Policy policy() {
        return policyWith(agreements);
    }

    Policy policyWith(List<SharingAgreement> only) {
        return PolicyFixtures.policy(only, denyRules);
    }

    Decision decide() {
        return decideUnder(policy());
    }

    Decision decideUnder(Policy policy) {
        return new InterlockPolicyEngine(() -> policy, PolicyFixtures.agreementsAlone((username, person) -> inCaseload,
                (person, org, category, purpose, at) -> consent
                        ? Optional.of(new ConsentGrant("consent-1", person, org, at)) : Optional.empty()))
                .decide(request);
    }
}
