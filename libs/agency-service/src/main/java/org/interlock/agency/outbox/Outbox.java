package org.interlock.agency.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.RecordedBy;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.web.RequestCorrelation;
import org.interlock.contracts.Classification;
import org.interlock.contracts.Topics;

/**
 * Appends events to the outbox inside the caller's transaction: the event exists if and only if
 * the state change it describes was committed. Each row names who it is recorded by.
 *
 * <p>An entity the gateway's views are built from (an allocation, a referral, a restriction, an
 * organisation) also has its current state on the agency's compacted state topic (ADR 0012): the
 * same CloudEvent under the key {@code <category>:<id>} while it lasts, a tombstone once it ends.
 * Both rows are written in the one transaction, so the state topic never disagrees with the events.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final RecordedBy recordedBy;
    private final String stateTopic;

    public Outbox(ObjectMapper json, RecordedBy recordedBy, AgencyConfig config) {
        this.json = json;
        this.recordedBy = recordedBy;
        this.stateTopic = Topics.state(config.agencyId());
    }

    public Uni<OutboxEvent> append(DomainEvent event) {
        return row(event, serialise(event.data())).persist();
    }

    /** The event, and the entity's state after it: the same CloudEvent (same id) on the state topic. */
    public Uni<Void> appendWithState(DomainEvent event, Object entityId) {
        return append(event).chain(published -> {
            OutboxEvent state = row(event, published.payload);
            state.topic = stateTopic;
            state.recordKey = Topics.stateKey(event.type().category(), entityId.toString());
            state.eventId = published.id;
            state.occurredAt = published.occurredAt;
            return state.<OutboxEvent>persist();
        }).replaceWithVoid();
    }

    /** The event that ends an entity, and its tombstone on the state topic. */
    public Uni<Void> appendEnding(DomainEvent event, Object entityId) {
        return append(event)
                .chain(() -> appendTombstone(event.type().category(), entityId, event.subject(), event.type().name()))
                .replaceWithVoid();
    }

    /**
     * A tombstone alone, for an entity ended by what another agency did (an organisation declined
     * a referral, an agency withdrew the one an organisation had accepted): no event of this
     * agency's own, so the row names the type of the event that caused it.
     */
    public Uni<Void> appendTombstone(String category, Object entityId, String subject, String causedBy) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = stateTopic;
        row.recordKey = Topics.stateKey(category, entityId.toString());
        row.type = causedBy;
        row.subject = subject;
        row.category = category;
        row.classification = Classification.OFFICIAL.label();
        row.correlationId = RequestCorrelation.currentCorrelationId();
        row.traceparent = RequestCorrelation.currentTraceparent();
        row.recordedBy = recordedBy.current();
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.payload = null;
        return row.<OutboxEvent>persist().replaceWithVoid();
    }

    private OutboxEvent row(DomainEvent event, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = event.topic();
        row.recordKey = event.key();
        row.type = event.type().name();
        row.subject = event.subject();
        row.category = event.type().category();
        row.classification = event.classification().label();
        row.handling = event.handling();
        row.correlationId = RequestCorrelation.currentCorrelationId();
        row.traceparent = RequestCorrelation.currentTraceparent();
        row.recordedBy = recordedBy.current();
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.payload = payload;
        return row;
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + data.getClass().getName(), e);
        }
    }
}
