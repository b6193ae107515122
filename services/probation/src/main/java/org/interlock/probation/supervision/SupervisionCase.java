package org.interlock.probation.supervision;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person's supervision by probation, on licence or on a community sentence; one open per person. */
@Entity
@Table(name = "supervision_case")
public class SupervisionCase extends PanacheEntityBase {

    public enum Status { OPEN, RECALLED, CLOSED }

    public enum Basis { LICENCE, COMMUNITY_SENTENCE }

    @Id
    public UUID id;

    public String person;

    @Column(name = "case_reference")
    public String caseReference;

    @Enumerated(EnumType.STRING)
    public Basis basis;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "mappa_category")
    public Integer mappaCategory;

    @Column(name = "mappa_level")
    public Integer mappaLevel;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Version
    public int version;
}
