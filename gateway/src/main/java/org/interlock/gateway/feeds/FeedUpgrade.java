package org.interlock.gateway.feeds;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Admits a WebSocket feed before the upgrade, exactly as the SSE feed is admitted: roles, purpose,
 * filters and resume point. A refusal fails the upgrade with the same RFC 9457 problem the SSE
 * endpoint answers (rendered by the failure handler registered here), so no socket ever opens
 * for a request that would not get a feed.
 */
@ApplicationScoped
public class FeedUpgrade implements HttpUpgradeCheck {

    /**
     * The socket's stream ends this much before the token expires, so that its last message (with
     * the resume point) goes out before Quarkus closes a connection whose identity expired.
     */
    static final Duration NOTICE_MARGIN = Duration.ofSeconds(1);

    private final FeedSubscriptions subscriptions;
    private final ObjectMapper json;

    public FeedUpgrade(FeedSubscriptions subscriptions, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return FeedSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().map(identity -> admit(identity, context));
    }

    private CheckResult admit(SecurityIdentity identity, HttpUpgradeContext context) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "A bearer token is required");
        }
        HttpServerRequest request = context.httpRequest();
        var raw = new FeedRequest.Raw(request.getHeader(PurposeOfUse.HEADER), request.getParam("categories"),
                request.getParam("persons"), request.getParam("origins"), request.getParam("resume"));
        Instant streamEnds = Instant.ofEpochSecond(token.getExpirationTime()).minus(NOTICE_MARGIN);
        context.userData().put(FeedSocket.SUBSCRIPTION, subscriptions.admit(CallerPrincipal.principal(token, identity),
                CallerPrincipal.client(token), streamEnds, request.getHeader("traceparent"), raw));
        return CheckResult.permitUpgradeSync();
    }

    /** Renders a refused upgrade as its problem; any other failure goes on to the usual handlers. */
    void renderRefusals(@Observes Router router) {
        router.route(FeedSocket.PATH).failureHandler(this::render);
    }

    private void render(RoutingContext context) {
        if (!(context.failure() instanceof ProblemException refused) || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = refused.problem().withInstance(FeedSocket.PATH);
        try {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
