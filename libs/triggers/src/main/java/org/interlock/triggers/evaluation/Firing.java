package org.interlock.triggers.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A rule that fired for a person: the events that made it fire (one per {@code when} condition, in
 * the rule's order) and when, in event time: the latest of those events, or the end of the window
 * for a rule with {@code unless}.
 */
public record Firing(String rule, String person, List<String> events, Instant time) {

    public Firing {
        events = List.copyOf(events);
    }
}
