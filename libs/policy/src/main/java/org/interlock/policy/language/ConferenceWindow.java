package org.interlock.policy.language;

import java.time.Duration;
import java.time.Instant;

/**
 * When a {@code conference} agreement opens a conference's pack to its invitees: from
 * {@code opensBefore} before the meeting until {@code closesAfter} after it (exclusive). Outside
 * it the invitation gives nothing.
 */
public record ConferenceWindow(Duration opensBefore, Duration closesAfter) {

    public ConferenceWindow {
        if (opensBefore.isNegative() || closesAfter.isNegative()) {
            throw new IllegalArgumentException("a conference window is not negative");
        }
    }

    public boolean contains(Instant meetsAt, Instant at) {
        return !at.isBefore(meetsAt.minus(opensBefore)) && at.isBefore(meetsAt.plus(closesAfter));
    }
}
