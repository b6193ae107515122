package org.interlock.gateway.feeds;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.identity.CallerPrincipal;

/**
 * Live feeds for analysts, as Server-Sent Events: {@code GET /feeds/v1/events} with a declared
 * purpose and optional filters ({@code categories}, {@code persons}, {@code origins}, each
 * comma-separated). Every event passes the decision point for this subscriber and is redacted as
 * it says; every push is audited first. Reconnect with {@code Last-Event-ID} (or {@code ?resume=})
 * to continue where the stream stopped. The same feed is offered as a WebSocket by {@link FeedSocket}.
 */
@Path("/feeds/v1")
@Authenticated
public class FeedResource {

    private final CallerPrincipal caller;
    private final JsonWebToken token;
    private final FeedSubscriptions subscriptions;

    public FeedResource(CallerPrincipal caller, JsonWebToken token, FeedSubscriptions subscriptions) {
        this.caller = caller;
        this.token = token;
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("resume") String resume,
            @QueryParam("categories") String categories, @QueryParam("persons") String persons,
            @QueryParam("origins") String origins, @HeaderParam("traceparent") String traceparent,
            @Context HttpServerResponse response) {
        var request = new FeedRequest.Raw(purpose, categories, persons, origins,
                lastEventId != null ? lastEventId : resume);
        var subscription = subscriptions.admit(caller.principal(), caller.client(),
                Instant.ofEpochSecond(token.getExpirationTime()), traceparent, request);
        FeedSubscriber subscriber = subscriptions.open(subscription);
        return Multi.createFrom().emitter(emitter -> subscriber.start(new SseSink(emitter, sse,
                response::writeQueueFull)));
    }
}
