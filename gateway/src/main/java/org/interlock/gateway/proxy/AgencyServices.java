package org.interlock.gateway.proxy;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.interlock.contracts.Agency;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Calls an agency service with the gateway's identity. Nothing of the caller's token is passed
 * on: the service trusts the gateway, which has already decided.
 */
@ApplicationScoped
public class AgencyServices {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;
    private final AgencyServicesConfig config;
    private final ServiceToken token;

    public AgencyServices(Vertx vertx, AgencyServicesConfig config, ServiceToken token) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        this.config = config;
        this.token = token;
    }

    /**
     * @param path  below the service's {@code /api/v1/}, e.g. {@code custody-episodes/42}
     * @param query the raw query string, or null
     * @param body  the JSON body for POST and PUT, or null
     * @param actor the signed assertion of who makes a change ({@code X-Interlock-Actor}), or null for a read
     */
    public Uni<Upstream> call(Agency agency, HttpMethod method, String path, String query, String body,
            String correlationId, String actor) {
        return call(agency.id(), config.url(agency), method, path, query, body, correlationId, actor);
    }

    /** The same, to any service behind the gateway: {@code service} names it in problems, {@code baseUrl} is where. */
    public Uni<Upstream> call(String service, String baseUrl, HttpMethod method, String path, String query, String body,
            String correlationId, String actor) {
        String url = baseUrl + "/api/v1/" + path + (query == null || query.isEmpty() ? "" : "?" + query);
        return token.bearer().onItem().transformToUni(bearer -> {
            HttpRequest<Buffer> request = client.requestAbs(method, url)
                    .timeout(TIMEOUT.toMillis())
                    .putHeader("Authorization", "Bearer " + bearer)
                    .putHeader("Accept", "application/json");
            if (correlationId != null) {
                request.putHeader("X-Correlation-Id", correlationId);
            }
            if (actor != null) {
                request.putHeader(ActorAssertion.HEADER, actor);
            }
            Uni<HttpResponse<Buffer>> response = body == null
                    ? request.send()
                    : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
            return response.map(r -> new Upstream(r.statusCode(), r.getHeader("Content-Type"),
                    r.body() == null ? new byte[0] : r.body().getBytes()));
        })
        .onFailure(failure -> !(failure instanceof ProblemException))
        .transform(failure -> new ProblemException(ProblemType.UNAVAILABLE, "The " + service + " service did not answer"))
        .map(AgencyServices::refusedIdentity);
    }

    /** The service refusing the gateway's own identity is the gateway's fault, never the caller's. */
    private static Upstream refusedIdentity(Upstream upstream) {
        if (upstream.status() == 401 || upstream.status() == 403) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The agency service refused the gateway's identity");
        }
        return upstream;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
