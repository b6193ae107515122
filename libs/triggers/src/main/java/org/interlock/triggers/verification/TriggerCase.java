package org.interlock.triggers.verification;

import java.time.Instant;
import java.util.List;

import org.interlock.triggers.evaluation.Firing;
import org.interlock.triggers.evaluation.ObservedEvent;

/**
 * A rule test case: events fed in order, event time then moved on to {@code until} (when given, to
 * close the windows of rules with {@code unless}), and exactly the firings expected, in order.
 *
 * @param rule  the rule the case is about (for the coverage check: every rule fires in one case and
 *              stays silent in another)
 * @param where {@code file:line} of the case, for messages
 */
public record TriggerCase(String name, String rule, String where, List<ObservedEvent> events, Instant until,
        List<Firing> expected) {

    public TriggerCase {
        events = List.copyOf(events);
        expected = List.copyOf(expected);
    }
}
