package org.interlock.agency.assessment;

/** One factor of a factor set as an assessment rated it, with the domain it belongs to. */
public record FactorRating(String domain, String factor, RiskLevel rating) {
}
