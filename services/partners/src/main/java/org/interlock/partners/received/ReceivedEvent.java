package org.interlock.partners.received;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A copy of another agency's event that the gateway routed to one partner organisation. */
@Entity
@Table(name = "received_events")
public class ReceivedEvent extends PanacheEntityBase {

    /** The copy's own ce_id: one per source event and recipient. */
    @Id
    @Column(name = "copy_id")
    public String copyId;

    public String organisation;

    public String person;

    public String type;

    /** The ce_id of the event the copy was made from: what an erasure notice names. */
    @Column(name = "source_event_id")
    public String sourceEventId;

    /** The consent the copy was disclosed under; null when it was shared on another basis. */
    public String consent;

    /** What the gateway released the copy as: staff read it only within their clearance. */
    public String classification;

    /** The data as the gateway released it, already redacted for this organisation. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
