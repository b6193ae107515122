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
 * A third party taking part in an intervention beside the person: a family member, a friend or a
 * community gatekeeper (a faith leader, a mentor, a teacher), on their own consent. Their name and
 * contact are theirs: classified above the intervention, and emptied when they withdraw.
 */
@Entity
@Table(name = "intervention_participant")
public class InterventionParticipant extends PanacheEntityBase {

    public enum Relationship {
        FAMILY_MEMBER, FRIEND, COMMUNITY_GATEKEEPER
    }

    public enum Consent {
        GIVEN, WITHDRAWN
    }

    @Id
    public UUID id;

    public UUID intervention;

    @Enumerated(EnumType.STRING)
    public Relationship relationship;

    /** In words: mother, imam, former teacher. */
    @Column(name = "relationship_detail")
    public String relationshipDetail;

    public String name;

    public String contact;

    @Enumerated(EnumType.STRING)
    public Consent consent;

    @Column(name = "consent_given_on")
    public LocalDate consentGivenOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Version
    public int version;
}
