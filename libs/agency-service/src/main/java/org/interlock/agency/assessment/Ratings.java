package org.interlock.agency.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratings of one assessment: each domain's and the overall one, and each factor's where the
 * assessment rated a factor set. What changed since the previous assessment is the difference of two.
 *
 * @param domains engagement, intent, capability and overall, in that order
 */
public record Ratings(Map<String, RiskLevel> domains, List<FactorRating> factors) {

    public Ratings {
        domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
        factors = List.copyOf(factors);
    }

    public static Ratings of(RiskLevel engagement, RiskLevel intent, RiskLevel capability, RiskLevel overall,
            List<FactorRating> factors) {
        Map<String, RiskLevel> domains = new LinkedHashMap<>();
        domains.put("engagement", engagement);
        domains.put("intent", intent);
        domains.put("capability", capability);
        domains.put("overall", overall);
        return new Ratings(domains, factors);
    }

    /**
     * What differs in {@code after} from {@code before} (null for a first assessment: nothing): the
     * domains and the overall rating, then each factor rated in both, whichever set version rated it.
     */
    public static List<RatingChange> changes(Ratings before, Ratings after) {
        if (before == null) {
            return List.of();
        }
        List<RatingChange> changes = new ArrayList<>();
        after.domains.forEach((domain, to) -> {
            RiskLevel from = before.domains.get(domain);
            if (from != to) {
                changes.add(RatingChange.ofDomain(domain, from, to));
            }
        });
        for (FactorRating now : after.factors) {
            before.factors.stream()
                    .filter(then -> then.domain().equals(now.domain()) && then.factor().equals(now.factor()))
                    .filter(then -> then.rating() != now.rating())
                    .findFirst()
                    .ifPresent(then -> changes.add(new RatingChange(now.domain(), now.factor(), then.rating(), now.rating())));
        }
        return changes;
    }
}
