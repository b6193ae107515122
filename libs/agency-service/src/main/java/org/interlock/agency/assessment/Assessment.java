package org.interlock.agency.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A structured risk assessment of a person: engagement, intent and capability, the assessor's
 * overall judgement (a judgement, not a sum) and, against a versioned factor set, each factor's
 * rating. Each is a version of the person's last, never an edit of it: the history shows how the
 * picture changed.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FactorRating>> FACTORS = new TypeReference<>() { };

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

    /** The factor set rated, null for a domain-only assessment (prisons' before factor sets). */
    @Column(name = "factor_set")
    public String factorSet;

    @Column(name = "factor_set_version")
    public Integer factorSetVersion;

    /** The factor ratings as JSON, in the set's order; null when no factor set was rated. */
    @Column(name = "factors")
    public String factorsJson;

    public List<FactorRating> factors() {
        try {
            return factorsJson == null ? List.of() : JSON.readValue(factorsJson, FACTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment " + id + " holds unreadable factor ratings", e);
        }
    }

    public void factors(List<FactorRating> ratings) {
        try {
            factorsJson = ratings.isEmpty() ? null : JSON.writeValueAsString(ratings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("factor ratings cannot be written", e);
        }
    }

    public Ratings ratings() {
        return Ratings.of(engagement, intent, capability, overall, factors());
    }
}
