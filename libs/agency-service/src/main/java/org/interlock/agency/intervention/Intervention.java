package org.interlock.agency.intervention;

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
 * An intervention arranged for a person by their statutory lead, delivered either by the arranging
 * agency itself ({@code providerAgency}) or by a partner organisation ({@code organisation}), never both.
 */
@Entity
@Table(name = "intervention")
public class Intervention extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    public String type;

    @Column(name = "provider_agency")
    public String providerAgency;

    /** The partner organisation that delivers it: the organisation its events are addressed to. */
    public String organisation;

    /** The accepted referral of the person to the organisation that the intervention is delivered within. */
    public UUID referral;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "arranged_by")
    public String arrangedBy;

    @Enumerated(EnumType.STRING)
    public InterventionStatus status;

    @Column(name = "outcome_notes")
    public String outcomeNotes;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "outcome_by")
    public String outcomeBy;

    @Version
    public int version;

    boolean deliveredByOrganisation() {
        return organisation != null;
    }
}
