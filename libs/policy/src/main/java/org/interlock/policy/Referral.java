package org.interlock.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.interlock.policy.language.CategoryPattern;

/**
 * A person referred to a partner organisation by their statutory lead, for stated purposes and
 * categories, until a date; in force once the organisation's partner manager accepted it, until it
 * ends (withdrawn, declined, expired). A partner organisation works with a person only inside one.
 */
public record Referral(String id, String person, String organisation, List<CategoryPattern> categories,
        List<String> purposes, LocalDate until, String referredBy, boolean accepted, boolean ended) {

    public Referral {
        categories = List.copyOf(categories);
        purposes = List.copyOf(purposes);
    }

    /** Accepted, not ended, not expired at {@code at}. */
    public boolean inForce(Instant at) {
        return accepted && !ended && !at.atZone(ZoneOffset.UTC).toLocalDate().isAfter(until);
    }

    /** Whether it covers this category and purpose. */
    public boolean covers(String category, String purpose) {
        return purposes.contains(purpose) && categories.stream().anyMatch(pattern -> pattern.matches(category));
    }

    /** Whether every one of these category patterns lies within the referral's. */
    public boolean coversAll(List<String> patterns) {
        return patterns.stream().allMatch(pattern -> categories.stream()
                .anyMatch(mine -> mine.containsPattern(new CategoryPattern(pattern))));
    }
}
