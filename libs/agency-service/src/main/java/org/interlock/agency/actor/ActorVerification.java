package org.interlock.agency.actor;

import java.time.Clock;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.interlock.agency.config.AgencyConfig;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.InvalidActorAssertion;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every write under {@code /api/v1} names who acts: the gateway's assertion
 * ({@code X-Interlock-Actor}), MACed with the secret it shares with this service and addressed to
 * it, is verified before the request body is even read, and a write without a valid one is
 * answered 401 and changes nothing. A read about the caller ({@code ?assignee=me}) carries one too,
 * verified the same way; a read without one names nobody. The gateway's bearer token (checked before this) says the
 * gateway calls; the assertion says for whom.
 */
public class ActorVerification {

    private static final Logger LOG = Logger.getLogger(ActorVerification.class);
    /** Methods that change nothing; every other method is a write. */
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String API = "/api/v1/";

    private final GatewayActorKeys gatewayKeys;
    private final Actor actor;
    private final String service;
    private final Clock clock = Clock.systemUTC();

    public ActorVerification(GatewayActorKeys gatewayKeys, Actor actor, AgencyConfig config) {
        this.gatewayKeys = gatewayKeys;
        this.actor = actor;
        this.service = config.agency();
    }

    @ServerRequestFilter
    public void verify(ContainerRequestContext request) {
        RecordedBy.markRequest();
        if (!request.getUriInfo().getPath().startsWith(API)) {
            return;
        }
        String header = request.getHeaderString(ActorAssertion.HEADER);
        if (READS.contains(request.getMethod()) && header == null) {
            // A read names nobody, unless it is about the caller (?assignee=me): then the gateway says who reads.
            return;
        }
        try {
            actor.verified(ActorAssertion.verify(header, gatewayKeys.trusted(),
                    service, clock.instant()));
        } catch (InvalidActorAssertion refused) {
            // The reason never quotes the header; the path holds no personal data (ids only).
            LOG.warnf("Request refused, %s: %s %s", refused.getMessage(), request.getMethod(),
                    request.getUriInfo().getPath());
            throw new ProblemException(ProblemType.UNAUTHENTICATED, refused.getMessage());
        }
    }
}
