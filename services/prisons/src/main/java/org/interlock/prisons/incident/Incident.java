package org.interlock.prisons.incident;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Something that happened in custody; recorded, never edited. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    @Enumerated(EnumType.STRING)
    public IncidentKind kind;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    public String establishment;

    public String summary;
}
