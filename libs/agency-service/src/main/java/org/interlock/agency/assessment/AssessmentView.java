package org.interlock.agency.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An assessment as read and as published: with its place in the person's history, what changed
 * since the one before (empty for the first), and the factor set and factor ratings it rests on
 * (null and empty for a domain-only assessment).
 */
public record AssessmentView(UUID id, String person, LocalDate assessedOn, String assessor, RiskLevel engagement,
        RiskLevel intent, RiskLevel capability, RiskLevel overall, String rationale, int version, UUID previous,
        List<RatingChange> changes, UUID prompt, String factorSet, Integer factorSetVersion, List<FactorRating> factors) {

    static AssessmentView of(Assessment a, Assessment before) {
        return new AssessmentView(a.id, a.person, a.assessedOn, a.assessor, a.engagement, a.intent, a.capability,
                a.overall, a.rationale, a.version, a.previous,
                Ratings.changes(before == null ? null : before.ratings(), a.ratings()), a.prompt, a.factorSet,
                a.factorSetVersion, a.factors());
    }
}
