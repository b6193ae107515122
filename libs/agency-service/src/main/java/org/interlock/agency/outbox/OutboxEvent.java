package org.interlock.agency.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row of the transactional outbox; the relay reads it with SQL, in {@code seq} order. */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The CloudEvent id when the row repeats another row's event (its state copy); null: {@link #id}. */
    @Column(name = "event_id")
    public UUID eventId;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    public String type;
    public String subject;
    public String category;
    public String classification;
    public String handling;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    /** Who the change was recorded by: the acting user's username, or system:&lt;agency&gt;. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The event's data; null for a tombstone on the state topic. */
    public String payload;
}
