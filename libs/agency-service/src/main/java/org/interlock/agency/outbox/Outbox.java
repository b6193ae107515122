package org.interlock.agency.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.RecordedBy;
import org.interlock.agency.web.RequestCorrelation;

/**
 * Appends events to the outbox inside the caller's transaction: the event exists if and only if
 * the state change it describes was committed. Each row names who it is recorded by.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final RecordedBy recordedBy;

    public Outbox(ObjectMapper json, RecordedBy recordedBy) {
        this.json = json;
        this.recordedBy = recordedBy;
    }

    public Uni<OutboxEvent> append(DomainEvent event) {
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
        row.payload = serialise(event.data());
        return row.persist();
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + data.getClass().getName(), e);
        }
    }
}
