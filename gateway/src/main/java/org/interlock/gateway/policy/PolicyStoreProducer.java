package org.interlock.gateway.policy;

import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.PolicySource;
import org.interlock.policy.loading.PolicyStore;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import org.interlock.gateway.federation.Federation;

/**
 * Makes the policy store a bean, loaded once when first used. A policy that does not load is a
 * failed start rather than a gateway that denies everything without saying why.
 */
@ApplicationScoped
public class PolicyStoreProducer {

    /** Loaded at startup, not at the first request: a policy that does not load stops the start. */
    @Produces
    @Singleton
    @Startup
    PolicyStore policyStore(PolicyConfig config, Federation federation) {
        PolicySource source = config.directory().map(Path::of).map(PolicySource::directory)
                .orElseGet(PolicySource::classpath);
        // An agreement may name a federation peer only if the trust anchors do (ADR 0021).
        PolicyStore store = new PolicyStore(source, federation.knownPeers());
        try {
            store.reload();
        } catch (PolicyException e) {
            throw new IllegalStateException("The policy does not load: " + e.getMessage(), e);
        }
        return store;
    }
}
