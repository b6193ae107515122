package org.interlock.intelligence.report;

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
 * A graded intelligence report (3x5x2): source evaluation 1-3, intelligence assessment A-E and a
 * handling code — P (lawful sharing permitted) or C (sharing only under the stated conditions).
 */
@Entity
@Table(name = "intelligence_report")
public class IntelligenceReport extends PanacheEntityBase {

    public enum Assessment { A, B, C, D, E }

    public enum Handling { P, C }

    @Id
    public UUID id;

    public String person;

    @Column(name = "source_evaluation")
    public int sourceEvaluation;

    @Enumerated(EnumType.STRING)
    @Column(name = "intelligence_assessment")
    public Assessment intelligenceAssessment;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_code")
    public Handling handlingCode;

    @Column(name = "handling_conditions")
    public String handlingConditions;

    public String content;

    @Column(name = "sanitised_summary")
    public String sanitisedSummary;

    @Column(name = "reported_on")
    public LocalDate reportedOn;
}
