package org.interlock.probation.licence;

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
 * A condition of a licence. {@code details} holds what the condition says in full (an exclusion
 * zone's boundary, the person not to contact): policy may redact it for some recipients while the
 * kind of condition still travels.
 */
@Entity
@Table(name = "licence_condition")
public class LicenceCondition extends PanacheEntityBase {

    public enum Kind { EXCLUSION_ZONE, NON_CONTACT, CURFEW, INTERNET_RESTRICTION, DEVICE_RESTRICTION, RESIDENCE, OTHER }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String person;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String details;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;
}
