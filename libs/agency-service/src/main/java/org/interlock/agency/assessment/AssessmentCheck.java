package org.interlock.agency.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.interlock.platform.problem.Validation;

/**
 * Checks an assessment against the factor set it names (ADR 0018): the set and version exist here,
 * every factor of it is rated and nothing else, each rating is one the set allows, and each domain's
 * rating lies between the lowest and the highest rating of its factors: a judgement, not a sum, but
 * not one its own factors contradict. The overall rating stays the assessor's judgement.
 */
public final class AssessmentCheck {

    private final BiFunction<String, Integer, Optional<FactorSet>> sets;
    private final boolean domainOnly;

    /**
     * @param sets       the factor set of an id and version, if this service has it
     * @param domainOnly whether an assessment may name no factor set (prisons' form before factor sets)
     */
    public AssessmentCheck(BiFunction<String, Integer, Optional<FactorSet>> sets, boolean domainOnly) {
        this.sets = sets;
        this.domainOnly = domainOnly;
    }

    /** The factor ratings, in the set's order; empty for a domain-only assessment. Refused: 422. */
    public List<FactorRating> check(AssessmentRequest request) {
        if (request.factorSet() == null) {
            if (!domainOnly || request.factorSetVersion() != null || request.factors() != null) {
                throw Validation.invalid("factorSet", "must name the factor set the factors are rated against");
            }
            return List.of();
        }
        if (request.factorSetVersion() == null) {
            throw Validation.invalid("factorSetVersion", "must give the version of factor set " + request.factorSet());
        }
        FactorSet set = sets.apply(request.factorSet(), request.factorSetVersion()).orElseThrow(() -> Validation.invalid(
                "factorSet", "no factor set " + request.factorSet() + " version " + request.factorSetVersion() + " here"));
        List<FactorRating> rated = rated(set, request.factors() == null ? Map.of() : request.factors());
        for (FactorSet.Domain domain : set.domains()) {
            requireWithinFactors(domain.id(), given(request, domain.id()), rated);
        }
        return rated;
    }

    private static List<FactorRating> rated(FactorSet set, Map<String, RiskLevel> factors) {
        for (String factor : factors.keySet()) {
            if (set.domainOf(factor).isEmpty()) {
                throw Validation.invalid("factors." + factor, "is not a factor of " + describe(set));
            }
        }
        List<FactorRating> rated = new ArrayList<>();
        for (FactorSet.Domain domain : set.domains()) {
            for (FactorSet.Factor factor : domain.factors()) {
                RiskLevel rating = factors.get(factor.id());
                if (rating == null) {
                    throw Validation.invalid("factors." + factor.id(), "is not rated: rate every factor of " + describe(set));
                }
                if (!set.ratings().contains(rating)) {
                    throw Validation.invalid("factors." + factor.id(), "rating " + rating + " is not one " + describe(set)
                            + " allows (" + set.ratings() + ")");
                }
                rated.add(new FactorRating(domain.id(), factor.id(), rating));
            }
        }
        return rated;
    }

    private static void requireWithinFactors(String domain, RiskLevel given, List<FactorRating> rated) {
        List<RiskLevel> ofDomain = rated.stream().filter(r -> r.domain().equals(domain)).map(FactorRating::rating).toList();
        RiskLevel lowest = ofDomain.stream().min(Comparator.naturalOrder()).orElseThrow();
        RiskLevel highest = ofDomain.stream().max(Comparator.naturalOrder()).orElseThrow();
        if (given.compareTo(lowest) < 0 || given.compareTo(highest) > 0) {
            throw Validation.invalid(domain, "must lie between the lowest (" + lowest + ") and the highest (" + highest
                    + ") rating of its factors");
        }
    }

    private static RiskLevel given(AssessmentRequest request, String domain) {
        return switch (domain) {
            case "engagement" -> request.engagement();
            case "intent" -> request.intent();
            case "capability" -> request.capability();
            default -> throw new IllegalStateException("a factor set with domain " + domain + " was loaded");
        };
    }

    private static String describe(FactorSet set) {
        return "factor set " + set.id() + " version " + set.version();
    }
}
