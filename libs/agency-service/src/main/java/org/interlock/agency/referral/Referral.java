package org.interlock.agency.referral;

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
 * A person referred by their statutory lead to a partner organisation, for stated purposes and
 * categories, until a date: the only way a partner organisation comes to work with a person.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    /** The partner organisation the person is referred to. */
    public String organisation;

    /** Comma-separated purposes of use. */
    public String purposes;

    /** Comma-separated category patterns, e.g. {@code custody.release,licence.*}. */
    public String categories;

    public String reason;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "referred_by")
    public String referredBy;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    /** The date the referrer gave for the withdrawal; kept, not published (the event's time says when). */
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Version
    public int version;

    static String join(List<String> values) {
        return String.join(",", values);
    }

    static List<String> split(String joined) {
        return Arrays.asList(joined.split(","));
    }
}
