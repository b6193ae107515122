package org.interlock.gateway.feeds;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.people.PersonLinksView;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Who may hold a live feed and how one begins, the same for both transports: the caller must
 * hold one of {@code interlock.feeds.roles}; a resume point must still be retained; each
 * subscriber gets a buffer of {@code interlock.feeds.buffer-events}.
 */
@ApplicationScoped
public class FeedSubscriptions {

    private final PolicyEngine policy;
    private final Disclosure disclosure;
    private final FeedLog log;
    private final FeedHistory history;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final PersonLinksView links;
    private final Set<String> feedRoles;
    private final int bufferEvents;

    public FeedSubscriptions(PolicyEngine policy, Disclosure disclosure, FeedLog log, FeedHistory history, AuditTrail audit, ObjectMapper json,
            PersonLinksView links, @ConfigProperty(name = "interlock.feeds.roles", defaultValue = "analyst") Set<String> feedRoles,
            @ConfigProperty(name = "interlock.feeds.buffer-events", defaultValue = "1000") int bufferEvents) {
        this.policy = policy;
        this.disclosure = disclosure;
        this.log = log;
        this.history = history;
        this.audit = audit;
        this.json = json;
        this.links = links;
        this.feedRoles = feedRoles;
        this.bufferEvents = bufferEvents;
    }

    /**
     * Reads and checks a subscription before anything streams: a 403 problem for a role without
     * feed rights, 400 or 422 for a malformed request, 410 for a resume point no longer held.
     */
    FeedSubscriber.Subscription admit(Principal principal, String client, Instant tokenExpiry, String traceparent,
            FeedRequest.Raw raw) {
        if (!principal.holdsAnyOf(feedRoles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Live feeds are for " + feedRoles + " only");
        }
        FeedRequest request = FeedRequest.parse(raw, policy);
        if (request.resume() != null && !log.retains(request.resume()) && !history.holds(request.resume())) {
            throw new ProblemException(ProblemType.GONE, "The resume point is older than the events the topics keep:"
                    + " subscribe again without a resume point");
        }
        String id = UUID.randomUUID().toString();
        return new FeedSubscriber.Subscription(id, principal, client, request.purpose(), request.filter(),
                request.resume(), tokenExpiry, RequestTrace.of(id, traceparent));
    }

    /** Registers a subscriber with the feed log, holding what it missed since its resume point. */
    FeedSubscriber open(FeedSubscriber.Subscription subscription) {
        FeedSubscriber subscriber = new FeedSubscriber(subscription, bufferEvents, disclosure, audit, json,
                links, log::unsubscribe);
        FeedPosition resume = subscription.resume();
        if (resume == null || log.retains(resume)) {
            subscriber.startsAt(log.subscribe(subscriber, resume));
        } else {
            subscriber.catchesUpFrom(resume, history, log);
        }
        return subscriber;
    }
}
