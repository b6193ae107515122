package org.interlock.gateway.feeds;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.gateway.policy.PolicyEngine;
import org.interlock.gateway.policy.Principal;
import org.interlock.gateway.policy.language.CategoryPattern;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;

/**
 * Live feeds for analysts, as Server-Sent Events: {@code GET /feeds/v1/events} with a declared
 * purpose and optional filters ({@code categories}, {@code persons}, {@code origins}, each
 * comma-separated). Every event passes the decision point for this subscriber and is redacted as
 * it says; every push is audited first. Reconnect with {@code Last-Event-ID} (or {@code ?resume=})
 * to continue where the stream stopped.
 */
@Path("/feeds/v1")
@Authenticated
public class FeedResource {

    private static final Pattern CATEGORY = Pattern.compile("[a-z]+(\\.[a-z*]+)*|\\*");
    private static final int MAX_FILTER = 200;

    private final CallerPrincipal caller;
    private final JsonWebToken token;
    private final PolicyEngine policy;
    private final FeedLog log;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Set<String> feedRoles;
    private final int bufferEvents;

    public FeedResource(CallerPrincipal caller, JsonWebToken token, PolicyEngine policy, FeedLog log, AuditTrail audit,
            ObjectMapper json, @ConfigProperty(name = "interlock.feeds.roles", defaultValue = "analyst") Set<String> feedRoles,
            @ConfigProperty(name = "interlock.feeds.buffer-events", defaultValue = "1000") int bufferEvents) {
        this.caller = caller;
        this.token = token;
        this.policy = policy;
        this.log = log;
        this.audit = audit;
        this.json = json;
        this.feedRoles = feedRoles;
        this.bufferEvents = bufferEvents;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("resume") String resume,
            @QueryParam("categories") String categories, @QueryParam("persons") String persons,
            @QueryParam("origins") String origins, @HeaderParam("traceparent") String traceparent,
            @Context HttpServerResponse response) {
        Principal principal = caller.principal();
        if (!principal.holdsAnyOf(feedRoles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Live feeds are for " + feedRoles + " only");
        }
        String id = UUID.randomUUID().toString();
        FeedSubscriber.Subscription subscription = new FeedSubscriber.Subscription(id, principal, caller.client(),
                PurposeOfUse.require(purpose, policy), new FeedFilter(categories(categories), persons(persons),
                        origins(origins)), Instant.ofEpochSecond(token.getExpirationTime()),
                RequestTrace.of(id, traceparent));
        String from = lastEventId != null ? lastEventId : resume;
        FeedPosition resumeAt = from == null ? null : FeedPosition.decode(from);
        FeedSubscriber subscriber = new FeedSubscriber(subscription, bufferEvents, policy, audit, json, sse);
        FeedPosition start = log.subscribe(subscriber, resumeAt);
        return Multi.createFrom().emitter(emitter -> subscriber.start(emitter, start, response::writeQueueFull,
                () -> log.unsubscribe(subscriber)));
    }

    private static List<CategoryPattern> categories(String value) {
        return split(value, "categories").stream().map(c -> {
            if (!CATEGORY.matcher(c).matches()) {
                throw Validation.invalid("categories", "each must be a category such as custody.release or custody.*");
            }
            return new CategoryPattern(c);
        }).toList();
    }

    private static Set<String> persons(String value) {
        Set<String> persons = new LinkedHashSet<>(split(value, "persons"));
        if (!persons.stream().allMatch(PersonReference::isValid)) {
            throw Validation.invalid("persons", "each must be urn:interlock:person:<uuid>");
        }
        return persons;
    }

    private static Set<Agency> origins(String value) {
        try {
            return new LinkedHashSet<>(split(value, "origins").stream().map(Agency::fromId).toList());
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("origins", "each must be prisons, probation, intelligence or partners");
        }
    }

    private static List<String> split(String value, String field) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> parts = Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (parts.size() > MAX_FILTER) {
            throw Validation.invalid(field, "at most " + MAX_FILTER + " values");
        }
        return parts;
    }
}
