package org.interlock.people.actor;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKeys;
import org.interlock.platform.actor.InvalidActorAssertion;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every write under {@code /api/v1} names who acts: the gateway's signed assertion
 * ({@code X-Interlock-Actor}), verified before the body is read, as in the agency services. The
 * agency kit's filter is bound to an agency's configuration, so the index verifies with the same
 * platform code here.
 */
public class WhoActs {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final PublicKey gatewayKey;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public WhoActs(@ConfigProperty(name = "interlock.actor.public-key") String publicKey, Actor actor) {
        this.gatewayKey = ActorKeys.publicKey(publicKey);
        this.actor = actor;
    }

    @ServerRequestFilter
    public void verify(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return;
        }
        try {
            actor.verified(ActorAssertion.verify(request.getHeaderString(ActorAssertion.HEADER), gatewayKey, clock.instant()));
        } catch (InvalidActorAssertion refused) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, refused.getMessage());
        }
    }
}
