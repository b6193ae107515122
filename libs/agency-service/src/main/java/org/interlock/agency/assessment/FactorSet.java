package org.interlock.agency.assessment;

import java.util.List;
import java.util.Optional;

/**
 * A versioned frame of structured professional judgement, held as data (ADR 0018): the ratings a
 * factor may take and, for each domain, the factors an assessor weighs. A changed list of factors
 * is a new version; an assessment names the set and version it rated.
 *
 * @param ratings the ratings a factor may take, lowest first
 */
public record FactorSet(String id, int version, String title, List<RiskLevel> ratings, List<Domain> domains) {

    /** The domains every factor set rates, in the order events and views carry them. */
    public static final List<String> DOMAINS = List.of("engagement", "intent", "capability");

    public FactorSet {
        ratings = List.copyOf(ratings);
        domains = List.copyOf(domains);
    }

    public record Domain(String id, List<Factor> factors) {
        public Domain {
            factors = List.copyOf(factors);
        }
    }

    public record Factor(String id, String description) {
    }

    /** The domain that holds the factor, if the set has it. */
    public Optional<Domain> domainOf(String factor) {
        return domains.stream().filter(d -> d.factors().stream().anyMatch(f -> f.id().equals(factor))).findFirst();
    }

    /** Every factor's id, in the set's order. */
    public List<String> factorIds() {
        return domains.stream().flatMap(d -> d.factors().stream()).map(Factor::id).toList();
    }
}
