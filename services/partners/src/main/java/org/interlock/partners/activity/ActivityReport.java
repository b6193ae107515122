package org.interlock.partners.activity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What a partner organisation did with or noticed about a person. */
@Entity
@Table(name = "activity_report")
public class ActivityReport extends PanacheEntityBase {

    public enum Kind { SESSION_HELD, FAMILY_ENGAGEMENT, HOUSING_SECURED, WORK_SECURED, CONCERN_RAISED }

    @Id
    public UUID id;

    public String person;

    public String organisation;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "reported_by")
    public String reportedBy;

    public String notes;
}
