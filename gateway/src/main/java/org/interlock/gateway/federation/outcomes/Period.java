package org.interlock.gateway.federation.outcomes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period outcomes are published for: a calendar quarter ({@code 2026-Q3}) or month ({@code 2026-09}), as
 * {@link org.interlock.federation.outcomes.OutcomeCount} names it, with its first day and the day after its last.
 */
public record Period(String code, Kind kind, LocalDate from, LocalDate until) {

    /** Quarters or months: a deployment compares by one kind only (OutcomesConfig#periodKind). */
    public enum Kind {
        QUARTER("a quarter (2026-Q3)"), MONTH("a month (2026-09)");

        private final String example;

        Kind(String example) {
            this.example = example;
        }

        public String example() {
            return example;
        }
    }

    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");

    /** The period a code names, or empty when it names none. */
    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher quarter = QUARTER.matcher(code);
        if (quarter.matches()) {
            LocalDate from = LocalDate.of(Integer.parseInt(quarter.group(1)),
                    (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
            return Optional.of(new Period(code, Kind.QUARTER, from, from.plusMonths(3)));
        }
        Matcher month = MONTH.matcher(code);
        if (month.matches()) {
            LocalDate from = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))
                    .atDay(1);
            return Optional.of(new Period(code, Kind.MONTH, from, from.plusMonths(1)));
        }
        return Optional.empty();
    }

    /** Whether the period's last day is behind {@code today}: only then is its table final enough to publish. */
    public boolean endedBefore(LocalDate today) {
        return !until.isAfter(today);
    }
}
