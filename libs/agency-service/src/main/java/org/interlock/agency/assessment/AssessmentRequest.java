package org.interlock.agency.assessment;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/**
 * An assessment to record: the domain ratings and the overall one (the assessor's judgement) and,
 * against the factor set and version it names, a rating for every factor of that set.
 *
 * @param assessor  who assesses: must be whoever records it
 * @param prompt    the review-trigger notice this assessment answers (its id, as this agency's inbox
 *                  received it about the person), or null
 * @param factorSet the factor set rated; null only where the service still takes domain-only assessments
 * @param factors   each factor of the set, by id, with its rating
 */
public record AssessmentRequest(
        @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
        @NotNull LocalDate assessedOn,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String assessor,
        @NotNull RiskLevel engagement,
        @NotNull RiskLevel intent,
        @NotNull RiskLevel capability,
        @NotNull RiskLevel overall,
        @NotNull @Size(min = 1, max = 4000) String rationale,
        UUID prompt,
        @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*", message = "must be a factor set id") String factorSet,
        @Min(1) Integer factorSetVersion,
        @Size(max = 200) Map<@NotNull String, @NotNull RiskLevel> factors) {
}
