package org.interlock.agency.actor;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.smallrye.common.vertx.ContextLocals;
import org.interlock.agency.config.AgencyConfig;

/**
 * Who a change is recorded by, on every outbox row and event ({@code recordedby}): the verified
 * actor of the request, or, when no one asked — a scheduled job, a reaction to an inbox event —
 * the service itself, {@code system:<agency>}. A change made while serving a request whose actor
 * was not verified is never recorded as the service's own: it fails.
 */
@ApplicationScoped
public class RecordedBy {

    public static final String SYSTEM_PREFIX = "system:";
    private static final String IN_REQUEST = "interlock.actor.in-request";

    private final Actor actor;
    private final String system;

    public RecordedBy(Actor actor, AgencyConfig config) {
        this.actor = actor;
        this.system = SYSTEM_PREFIX + config.agency();
    }

    public String current() {
        if (Arc.container().requestContext().isActive() && actor.isKnown()) {
            return actor.username();
        }
        if (ContextLocals.get(IN_REQUEST, Boolean.FALSE)) {
            throw new IllegalStateException("A change while serving a request whose actor was not verified");
        }
        return system;
    }

    /** Notes that the current context serves an HTTP request (ActorVerification, on every request). */
    static void markRequest() {
        ContextLocals.put(IN_REQUEST, Boolean.TRUE);
    }
}
