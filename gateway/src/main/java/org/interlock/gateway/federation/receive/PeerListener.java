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
 * Keeps the two listeners apart (ADR 0021, mutual TLS). The TLS listener is the peers' (the Helm chart exposes it
 * alone, to their networks only; users come through the Ingress on the plain one): it answers the peer interface
 * and nothing else. That matters beyond surface: with client certificates requested, Quarkus makes any trusted
 * certificate an authenticated identity, which must never reach a user's resource. And where mutual TLS is
 * required, the plain listener does not answer the peer interface at all: an envelope there could only be
 * refused, and a refusal is audited, so anyone reaching the user Ingress could otherwise fill the audit log. Both
 * are answered 404 before anything is read or recorded. Paths are compared after dot segments are resolved.
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
        router.route().order(Integer.MIN_VALUE + 1).handler(this::keepApart);
    }

    private void keepApart(RoutingContext context) {
        boolean peerInterface = peerInterface(context.normalizedPath());
        if (context.request().isSSL() && !peerInterface) {
            notFound(context, "The peers' listener answers " + EnvelopeResource.PATH + " only");
        } else if (!context.request().isSSL() && peerInterface && certificatesRequired()) {
            notFound(context, "Peers post envelopes to the peers' listener, with a client certificate");
        } else {
            context.next();
        }
    }

    private static boolean peerInterface(String path) {
        return EnvelopeResource.PATH.equals(path) || (EnvelopeResource.PATH + "/").equals(path);
    }

    private boolean certificatesRequired() {
        return federation.self().map(Federation.Self::clientCertificateRequired).orElse(false);
    }

    private void notFound(RoutingContext context, String detail) {
        try {
            context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(ProblemType.NOT_FOUND, detail)));
        } catch (JsonProcessingException e) {
            context.fail(500, e);
        }
    }
}
