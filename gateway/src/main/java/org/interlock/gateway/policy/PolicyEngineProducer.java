package org.interlock.gateway.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.interlock.gateway.policy.engine.InterlockPolicyEngine;
import org.interlock.gateway.policy.loading.PolicyStore;

/** The decision point the gateway enforces: the policy in force, the caseloads and the consent view. */
@ApplicationScoped
public class PolicyEngineProducer {

    @Produces
    @Singleton
    PolicyEngine policyEngine(PolicyStore store, Caseload caseload, ConsentView consents) {
        return new InterlockPolicyEngine(store::current, caseload, consents);
    }
}
