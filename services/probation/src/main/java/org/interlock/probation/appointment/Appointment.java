package org.interlock.probation.appointment;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A supervision appointment and whether the person attended it. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    public enum Outcome { ATTENDED, MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String person;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;
}
