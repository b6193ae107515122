package org.interlock.partners.referral;

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
 * What a partner organisation holds of a referral made to it, received from its inbox, and its
 * answer. The id is the referral's own, as the referring service (origin) knows it.
 */
@Entity
@Table(name = "partner_referral")
public class PartnerReferral extends PanacheEntityBase {

    @Id
    public UUID id;

    public String person;

    /** The organisation the referral is made to: whose record this is. */
    public String organisation;

    /** The referring agency: prisons or probation. */
    public String origin;

    /** Comma-separated purposes of use. */
    public String purposes;

    /** Comma-separated category patterns. */
    public String categories;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    public PartnerReferralStatus status;

    /** The caseworker allocated on acceptance. */
    public String caseworker;

    /** The partner manager who answered. */
    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    @Version
    public int version;

    static List<String> split(String joined) {
        return Arrays.asList(joined.split(","));
    }
}
