package org.interlock.gateway.proxy;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKey;
import org.interlock.policy.Principal;

/**
 * Vouches to a service for who makes a change (ADR 0011): a short-lived assertion naming the user,
 * their agency, organisation, roles and client, bound to the request id, addressed to that service
 * and MACed with the secret the gateway shares with it alone. The services refuse a change without
 * one and record who acted. A gateway missing any service's secret, or holding one shorter than
 * 256 bits, does not start.
 */
@ApplicationScoped
public class ActorSigner {

    private final Map<Agency, ActorKey> keys = new EnumMap<>(Agency.class);
    private final Clock clock = Clock.systemUTC();

    public ActorSigner(ActorKeysConfig config) {
        for (Agency agency : Agency.values()) {
            ActorKeysConfig.ServiceKey key = config.of(agency);
            try {
                keys.put(agency, ActorKey.of(key.keyId(), key.secret()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("interlock.actor." + agency.id() + ": " + e.getMessage());
            }
        }
    }

    /**
     * The {@value ActorAssertion#HEADER} value for a change at {@code service} by {@code principal}
     * through {@code client}.
     */
    public String assertion(Agency service, Principal principal, String client, String requestId) {
        return ActorAssertion.issue(principal.username(), principal.agency(), principal.org(),
                List.copyOf(principal.roles()), client == null ? "unknown" : client, service.id(), requestId,
                clock.instant())
                .sign(keys.get(service));
    }
}
