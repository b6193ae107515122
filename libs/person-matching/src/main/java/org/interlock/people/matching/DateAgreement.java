package org.interlock.people.matching;

import java.time.LocalDate;

/** How two dates of birth agree, from the same day to nothing in common; each with the weight it lends a match. */
public enum DateAgreement {
    EXACT(1.0),
    /** 1990-03-04 and 1990-04-03: the day and month written the other way round. */
    DAY_MONTH_SWAPPED(0.9),
    /** Two neighbouring digits of YYYYMMDD swapped: 1985-07-12 and 1958-07-12, or 1985-07-21. */
    DIGITS_TRANSPOSED(0.9),
    /** One digit of YYYYMMDD different: a slip of the key. */
    ONE_DIGIT_DIFFERENT(0.75),
    /** One of the two dates is not known. */
    UNKNOWN(0.5),
    DIFFERENT(0.0);

    private final double weight;

    DateAgreement(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    public static DateAgreement of(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return UNKNOWN;
        }
        if (a.equals(b)) {
            return EXACT;
        }
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return DAY_MONTH_SWAPPED;
        }
        String x = digits(a);
        String y = digits(b);
        int first = -1;
        int differences = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                differences++;
                first = first < 0 ? i : first;
            }
        }
        if (differences == 1) {
            return ONE_DIGIT_DIFFERENT;
        }
        boolean adjacentSwap = differences == 2 && first + 1 < x.length()
                && x.charAt(first) == y.charAt(first + 1) && x.charAt(first + 1) == y.charAt(first);
        return adjacentSwap ? DIGITS_TRANSPOSED : DIFFERENT;
    }

    private static String digits(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
