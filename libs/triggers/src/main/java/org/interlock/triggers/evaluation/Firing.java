package org.interlock.triggers.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rule that fired for a person: the events that made it fire (one per {@code when} condition, in
 * the rule's order) and when, in event time: the latest of those events, or the end of the window
 * for a rule with {@code unless}. {@code details} are the events' own ({@link ObservedEvent#detail}), in
 * the same order, null where an event had none.
 */
public record Firing(String rule, String person, List<String> events, List<Object> details, Instant time) {

    public Firing {
        events = List.copyOf(events);
        details = Collections.unmodifiableList(new ArrayList<>(details));
        if (details.size() != events.size()) {
            throw new IllegalArgumentException("one detail per event");
        }
    }

    /** A firing whose events carried no detail. */
    public Firing(String rule, String person, List<String> events, Instant time) {
        this(rule, person, events, Collections.nCopies(events.size(), null), time);
    }
}
