package org.interlock.gateway.policy;

import org.interlock.policy.Caseload;
import org.interlock.policy.ConsentView;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.loading.PolicyStore;

/** The decision point the gateway enforces: the policy in force, the caseloads and the consent view. */
@ApplicationScoped
public class PolicyEngineProducer {

    @Produces
    @Singleton
    PolicyEngine policyEngine(PolicyStore store, Caseload caseload, ConsentView consents) {
        return new InterlockPolicyEngine(store::current, Views.of(caseload, consents));
    }
}
