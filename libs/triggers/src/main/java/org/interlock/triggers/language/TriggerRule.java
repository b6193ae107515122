package org.interlock.triggers.language;

import java.time.Duration;
import java.util.List;

/**
 * A review trigger: fires for a person when events matching every {@code when} condition happened
 * within {@code within} of each other (in event time) and, if {@code unless} names conditions, no
 * event matching one of them happened within {@code within} before or after (ADR 0015).
 *
 * @param within the window; for a rule with one plain condition, how long its event ids are
 *               remembered so that a redelivered event does not fire it again
 */
public record TriggerRule(String id, String description, List<Condition> when, Duration within,
        List<Condition> unless, int line) {

    public TriggerRule {
        when = List.copyOf(when);
        unless = List.copyOf(unless);
    }

    /** When a match fires: at once, or once the window after it closed without an {@code unless} event. */
    public boolean waitsForWindowToClose() {
        return !unless.isEmpty();
    }
}
