package org.interlock.people.actor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.actor.ActorKey;
import org.interlock.platform.actor.ActorKeys;
import org.interlock.platform.actor.InvalidActorAssertion;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every write under {@code /api/v1} names who acts: the gateway's assertion
 * ({@code X-Interlock-Actor}), MACed with the secret it shares with the index alone and addressed to
 * it ({@code interlock.actor.audience}), verified before the body is read, as in the agency
 * services. The agency kit's filter is bound to an agency's configuration, so the index verifies
 * with the same platform code here, and accepts the previous secret too while one is rotated
 * ({@code interlock.actor.previous-secret}). Without a secret every write is refused (fail
 * closed); a malformed or short one stops the start.
 */
public class WhoActs {

    private static final Logger LOG = Logger.getLogger(WhoActs.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final List<ActorKey> trusted;
    private final String audience;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public WhoActs(@ConfigProperty(name = "interlock.actor.secret") Optional<String> secret,
            @ConfigProperty(name = "interlock.actor.key-id", defaultValue = "1") String keyId,
            @ConfigProperty(name = "interlock.actor.previous-secret") Optional<String> previousSecret,
            @ConfigProperty(name = "interlock.actor.previous-key-id") Optional<String> previousKeyId,
            @ConfigProperty(name = "interlock.actor.audience") String audience, Actor actor) {
        this.trusted = ActorKeys.of(secret, keyId, previousSecret, previousKeyId);
        this.audience = audience;
        this.actor = actor;
        if (trusted.isEmpty()) {
            LOG.error("No actor secret (interlock.actor.secret): every write to the person index is refused");
        }
    }

    @ServerRequestFilter
    public void verify(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return;
        }
        try {
            actor.verified(ActorAssertion.verify(request.getHeaderString(ActorAssertion.HEADER), trusted, audience,
                    clock.instant()));
        } catch (InvalidActorAssertion refused) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, refused.getMessage());
        }
    }
}
