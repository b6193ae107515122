package org.interlock.policy.verification;

import java.util.ArrayList;
import java.util.List;

import org.interlock.contracts.Classification;
import org.interlock.policy.Decision;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;

/**
 * What a policy test case expects. Only what the case states is checked: a null field is not
 * checked, except that a permit expected without {@code redactions} must have none, so that a
 * new redaction never slips into a test file unnoticed.
 */
public record Expectation(boolean permit, DenyReason reason, String agreement, List<String> redactions,
        List<String> fields, Boolean breakGlass, Classification releasedAs) {

    /** Every way the decision differs from this expectation; empty when it meets it. */
    public List<String> mismatches(Decision decision) {
        List<String> problems = new ArrayList<>();
        switch (decision) {
            case Permit p when !permit -> problems.add("expected deny " + reason + " but got permit under "
                    + (p.agreementId() == null ? "owner access" : "agreement " + p.agreementId()));
            case Deny d when permit -> problems.add("expected permit but got deny " + d.reason() + " " + d.trail());
            case Deny d -> {
                if (d.reason() != reason) {
                    problems.add("expected deny " + reason + " but got deny " + d.reason() + " " + d.trail());
                }
            }
            case Permit p -> checkPermit(p, problems);
        }
        return problems;
    }

    private void checkPermit(Permit permit, List<String> problems) {
        if (agreement != null && !agreement.equals(String.valueOf(permit.agreementId()))) {
            problems.add("expected agreement " + agreement + " but got " + permit.agreementId());
        }
        List<String> wanted = redactions == null ? List.of() : redactions;
        if (!permit.redactions().equals(wanted.stream().sorted().toList())) {
            problems.add("expected redactions " + wanted + " but got " + permit.redactions());
        }
        if (fields != null && !permit.fields().equals(fields.stream().sorted().toList())) {
            problems.add("expected fields " + fields + " but got " + permit.fields());
        }
        if (breakGlass != null && permit.breakGlass() != breakGlass) {
            problems.add("expected breakGlass " + breakGlass + " but got " + permit.breakGlass());
        }
        if (releasedAs != null && permit.releasedAs() != releasedAs) {
            problems.add("expected released as " + releasedAs.label() + " but got " + permit.releasedAs().label());
        }
    }
}
