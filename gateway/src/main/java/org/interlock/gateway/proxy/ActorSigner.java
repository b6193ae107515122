package org.interlock.gateway.proxy;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKeys;
import org.interlock.policy.Principal;

/**
 * Vouches to a service for who makes a change (ADR 0011): a short-lived assertion, signed with the
 * gateway's Ed25519 actor key, naming the user, their agency, organisation, roles and client, bound
 * to the request id. The services refuse a change without one and record who acted.
 */
@ApplicationScoped
public class ActorSigner {

    private final PrivateKey key;
    private final Clock clock = Clock.systemUTC();

    public ActorSigner(@ConfigProperty(name = "interlock.actor.signing-key") String key) {
        this.key = ActorKeys.privateKey(key);
    }

    /** The {@value ActorAssertion#HEADER} value for a change by {@code principal} through {@code client}. */
    public String assertion(Principal principal, String client, String requestId) {
        return ActorAssertion.issue(principal.username(), principal.agency(), principal.org(),
                List.copyOf(principal.roles()), client == null ? "unknown" : client, requestId, clock.instant())
                .sign(key);
    }
}
