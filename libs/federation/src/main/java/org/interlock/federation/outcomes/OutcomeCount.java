package org.interlock.federation.outcomes;

import java.util.regex.Pattern;

/**
 * How many interventions of one type that ended in one period had one outcome: the only thing a
 * deployment shares about what works. It names no person and no organisation.
 *
 * @param interventionType the intervention type, as the deployment's catalogue names it (a slug or a constant)
 * @param period           a calendar quarter ({@code 2026-Q3}) or month ({@code 2026-09})
 * @param outcome          how they ended, e.g. {@code COMPLETED}
 * @param count            how many, never negative
 */
public record OutcomeCount(String interventionType, String period, String outcome, long count) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])");

    public OutcomeCount {
        require(interventionType != null && NAME.matcher(interventionType).matches(), "interventionType");
        require(period != null && PERIOD.matcher(period).matches(), "period");
        require(outcome != null && NAME.matcher(outcome).matches(), "outcome");
        require(count >= 0, "count");
    }

    /** The row a count belongs to: one intervention type in one period. */
    Row row() {
        return new Row(interventionType, period);
    }

    record Row(String interventionType, String period) {
    }

    private static void require(boolean holds, String field) {
        if (!holds) {
            throw new IllegalArgumentException("an outcome count with an invalid " + field);
        }
    }
}
