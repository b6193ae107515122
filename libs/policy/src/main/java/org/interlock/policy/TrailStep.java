package org.interlock.policy;

/**
 * One step of the reasoning behind a decision, for the audit trail and for operators.
 * Never carries personal data: rule ids, categories, roles and classifications only.
 *
 * @param rule    what was consulted: {@code subject}, {@code purpose}, {@code break-glass},
 *                {@code deny:<id>}, {@code owner}, {@code agreement:<id>}, {@code merge}, {@code engine}
 * @param finding what it found, in words
 */
public record TrailStep(String rule, String finding) {
}
