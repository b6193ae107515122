package org.interlock.agency.assessment;

/**
 * The scale every rating is on, lowest first: a factor, a domain or the overall judgement. The
 * events, the review-trigger rules ({@code scale: [LOW, MODERATE, HIGH]}) and the policy speak it;
 * a factor set may allow fewer of its steps, never others.
 */
public enum RiskLevel {
    LOW, MODERATE, HIGH
}
