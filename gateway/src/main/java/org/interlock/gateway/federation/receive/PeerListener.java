package org.interlock.gateway.federation.receive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.interlock.gateway.federation.Federation;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemType;

/**
 * Where mutual TLS is required, the TLS listener is the peers' (the Helm chart exposes it alone, to their networks
 * only; users come through the Ingress on the plain listener): there it answers the peer interface and nothing else,
 * so a peer's network reaches no other resource of the gateway, token or not. The path is compared after dot
 * segments are resolved, as the router resolves them.
 */
@ApplicationScoped
public class PeerListener {

    private final Federation federation;
    private final ObjectMapper json;

    public PeerListener(Federation federation, ObjectMapper json) {
        this.federation = federation;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::onlyThePeerInterface);
    }

    private void onlyThePeerInterface(RoutingContext context) {
        boolean peersListener = context.request().isSSL()
                && federation.self().map(Federation.Self::clientCertificateRequired).orElse(false);
        String path = context.normalizedPath();
        if (!peersListener || EnvelopeResource.PATH.equals(path) || (EnvelopeResource.PATH + "/").equals(path)) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(ProblemType.NOT_FOUND,
                            "The peers' listener answers " + EnvelopeResource.PATH + " only")));
        } catch (JsonProcessingException e) {
            context.fail(500, e);
        }
    }
}
