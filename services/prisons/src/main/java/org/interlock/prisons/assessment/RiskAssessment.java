package org.interlock.prisons.assessment;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A structured extremism risk assessment: engagement, intent and capability, and the assessor's
 * overall judgement, which is a judgement and not a sum of the three. Each is a version of the
 * person's last, never an edit of it: the history shows how the picture changed.
 */
@Entity
@Table(name = "risk_assessment")
public class RiskAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    @Column(name = "assessed_on")
    public LocalDate assessedOn;

    public String assessor;

    @Enumerated(EnumType.STRING)
    public RiskLevel engagement;

    @Enumerated(EnumType.STRING)
    public RiskLevel intent;

    @Enumerated(EnumType.STRING)
    public RiskLevel capability;

    @Enumerated(EnumType.STRING)
    public RiskLevel overall;

    public String rationale;

    /** 1 for the person's first assessment here, then one more than the last. */
    public int version;

    /** The assessment this one follows, null for the first. */
    public UUID previous;

    /** The review-trigger notice (its id, as the inbox received it) this assessment answers, if any. */
    public UUID prompt;
}
