package org.interlock.agency.notice;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * The review-trigger notices addressed to whoever reads. The notices are already in the inbox (the
 * gateway sent them, exactly once, after deciding the agency may hear of every event that fired the
 * rule); this only finds the caller's. "The caller" is whom the gateway vouches for, never a name
 * the request gives.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.review-trigger-notices", stringValue = "true")
public class TriggerNotices {

    static final String FIRED = "org.interlock.gateway.review-trigger.fired.v1";
    /** At most this many, the newest. */
    static final int LISTED = 200;

    private final Actor actor;
    private final ObjectMapper json;

    public TriggerNotices(Actor actor, ObjectMapper json) {
        this.actor = actor;
        this.json = json;
    }

    @WithSession
    public Uni<List<TriggerNoticeView>> addressedToCaller() {
        if (!actor.isKnown()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHENTICATED,
                    "Who reads is not vouched for: only the gateway can ask what is addressed to its caller"));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT payload FROM inbox_event
                        WHERE type = ?1 AND jsonb_exists(payload::jsonb -> 'addressees', ?2)
                        ORDER BY received_at DESC, id LIMIT ?3""", String.class)
                        .setParameter(1, FIRED)
                        .setParameter(2, actor.username())
                        .setParameter(3, LISTED)
                        .getResultList())
                .map(payloads -> payloads.stream().map(this::read).map(TriggerNoticeView::of).toList());
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            // The inbox stored it as the gateway sent it; a row that is not JSON is a fault, not an empty notice.
            throw new IllegalStateException("a review-trigger notice in the inbox is not JSON", e);
        }
    }
}
