package org.interlock.partners.consent;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
 * A person's consent that statutory agencies share the named categories of information with one
 * partner organisation, for the named purposes, for a period. It ends when withdrawn or expired.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    public enum Status { ACTIVE, WITHDRAWN, EXPIRED }

    public enum ObtainedHow { WRITTEN, VERBAL_RECORDED, DIGITAL }

    @Id
    public UUID id;

    public String person;

    public String organisation;

    /** Comma-separated sharing categories, e.g. {@code custody.release,licence.*}. */
    public String categories;

    /** Comma-separated purposes of use. */
    public String purposes;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "obtained_how")
    public ObtainedHow obtainedHow;

    @Column(name = "obtained_by")
    public String obtainedBy;

    @Column(name = "obtained_on")
    public LocalDate obtainedOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Version
    public int version;

    /** In force on that day: not withdrawn, not expired, within its period. */
    public boolean activeOn(LocalDate day) {
        return status == Status.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    static List<String> split(String joined) {
        return Arrays.asList(joined.split(","));
    }
}
