package org.interlock.gateway.people;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import org.interlock.gateway.proxy.ActorSigner;
import org.interlock.gateway.proxy.AgencyServices;
import org.interlock.gateway.proxy.AgencyServicesConfig;
import org.interlock.gateway.proxy.Upstream;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.policy.Principal;

/** Calls the person index with the gateway's identity, as the agency services are called. */
@ApplicationScoped
public class PersonIndexClient {

    private final AgencyServices services;
    private final AgencyServicesConfig config;
    private final ActorSigner actors;

    public PersonIndexClient(AgencyServices services, AgencyServicesConfig config, ActorSigner actors) {
        this.services = services;
        this.config = config;
        this.actors = actors;
    }

    Uni<Upstream> call(HttpMethod method, String path, String query, String body, String correlationId, String actor) {
        String url = config.people().map(AgencyServicesConfig.Upstream::url)
                .orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE, "The person index is not configured"));
        return services.call(ActorSigner.PEOPLE, url, method, path, query, body, correlationId, actor);
    }

    /** Who acts, for a change the gateway has decided and recorded. */
    String actor(Principal principal, String client, String requestId) {
        return actors.assertion(ActorSigner.PEOPLE, principal, client, requestId);
    }
}
