package org.interlock.agency.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rating that differs from the previous assessment's: a domain's or the overall one (no
 * {@code factor}), or one factor's, within its domain.
 */
public record RatingChange(String domain, @JsonInclude(JsonInclude.Include.NON_NULL) String factor,
        RiskLevel from, RiskLevel to) {

    public static RatingChange ofDomain(String domain, RiskLevel from, RiskLevel to) {
        return new RatingChange(domain, null, from, to);
    }
}
