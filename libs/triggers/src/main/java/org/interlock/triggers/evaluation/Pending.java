package org.interlock.triggers.evaluation;

import java.util.List;

/**
 * A match of a rule with {@code unless}, waiting for its window to close: it fires once event time
 * passes {@code deadline} unless an {@code unless} event within the window cancelled it first.
 */
final class Pending {

    final String person;
    final CompiledRule rule;
    final List<String> events;
    final List<Object> details;
    final long matchTime;
    final long deadline;
    /** Order of creation: ties on the deadline fire in the order the matches were made. */
    final long sequence;
    boolean cancelled;

    Pending(String person, CompiledRule rule, RuleStep.Outcome match, long sequence) {
        this.person = person;
        this.rule = rule;
        this.events = List.copyOf(match.events());
        this.details = match.details();
        this.matchTime = match.time();
        this.deadline = matchTime + rule.window;
        this.sequence = sequence;
    }

    /** Whether an {@code unless} event at {@code time} falls in the window around the match. */
    boolean cancelledBy(long time) {
        return Math.abs(time - matchTime) <= rule.window;
    }
}
