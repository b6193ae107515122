package org.interlock.federation.outcomes;

import java.util.OptionalLong;

/**
 * A cell of the outcomes table as it leaves the deployment: its count, or nothing but the fact
 * that it was suppressed (small, or suppressed so that a small one cannot be worked out).
 */
public record PublishedCell(String interventionType, String period, String outcome, OptionalLong count) {

    static PublishedCell shown(OutcomeCount cell) {
        return new PublishedCell(cell.interventionType(), cell.period(), cell.outcome(), OptionalLong.of(cell.count()));
    }

    static PublishedCell suppressed(OutcomeCount cell) {
        return new PublishedCell(cell.interventionType(), cell.period(), cell.outcome(), OptionalLong.empty());
    }

    public boolean isSuppressed() {
        return count.isEmpty();
    }
}
