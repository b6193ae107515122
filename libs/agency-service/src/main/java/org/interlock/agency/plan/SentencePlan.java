package org.interlock.agency.plan;

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

/**
 * A person's sentence plan as this agency holds it: one per person, the same id in prisons and
 * probation, its versions in {@link PlanRevision}. The optimistic lock makes a revision and a
 * hand-over at release exclusive: whichever commits second fails and changes nothing.
 */
@Entity
@Table(name = "sentence_plan")
public class SentencePlan extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "handed_over_on")
    public LocalDate handedOverOn;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
