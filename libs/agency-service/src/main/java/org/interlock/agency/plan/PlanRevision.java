package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One version of a sentence plan, whole, with the reason it was revised: never changed once written. */
@Entity
@Table(name = "sentence_plan_revision")
public class PlanRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID plan;

    public String person;

    public int version;

    /** The version this one revises; null for the first. */
    public Integer previous;

    /** The agency that held the plan when this version was made. */
    public String owner;

    public String reason;

    /** The objectives of this version, as JSON (a list of {@link Objective}). */
    public String objectives;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "revised_on")
    public LocalDate revisedOn;
}
