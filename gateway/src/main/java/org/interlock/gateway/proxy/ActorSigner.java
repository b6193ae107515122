package org.interlock.gateway.proxy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKey;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
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

    /** The person index (ADR 0014), the one service behind the gateway that is no agency. */
    public static final String PEOPLE = "people";

    /** Service id -> the secret shared with it. */
    private final Map<String, ActorKey> keys = new HashMap<>();
    private final Clock clock = Clock.systemUTC();

    public ActorSigner(ActorKeysConfig config) {
        for (Agency agency : Agency.values()) {
            keys.put(agency.id(), key(agency.id(), config.of(agency)));
        }
        config.people().ifPresent(key -> keys.put(PEOPLE, key(PEOPLE, key)));
    }

    /**
     * The {@value ActorAssertion#HEADER} value for a change at {@code service} by {@code principal}
     * through {@code client}.
     */
    public String assertion(Agency service, Principal principal, String client, String requestId) {
        return assertion(service.id(), principal, client, requestId);
    }

    /** The same for any service behind the gateway; one whose secret the gateway lacks gets no change (503). */
    public String assertion(String service, Principal principal, String client, String requestId) {
        ActorKey key = keys.get(service);
        if (key == null) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The gateway holds no actor secret for " + service);
        }
        return ActorAssertion.issue(principal.username(), principal.agency(), principal.org(),
                List.copyOf(principal.roles()), client == null ? "unknown" : client, service, requestId,
                clock.instant())
                .sign(key);
    }

    private static ActorKey key(String service, ActorKeysConfig.ServiceKey key) {
        try {
            return ActorKey.of(key.keyId(), key.secret());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("interlock.actor." + service + ": " + e.getMessage());
        }
    }
}
