package org.interlock.triggers.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.interlock.triggers.language.FieldTest;

/**
 * One event meeting one condition of one rule for one person: logged (unless it was seen before),
 * compared with the person's previous event where the condition asks for a change, and, if it
 * completes the rule's {@code when}, the match. An {@code unless} event cancels a waiting match and
 * stops a match in its window from waiting at all.
 */
final class RuleStep {

    /** A match: its events in the rule's condition order and when it happened (its latest event). */
    record Outcome(List<String> events, List<Object> details, long time) {
    }

    private long sequence;

    long nextSequence() {
        return sequence++;
    }

    /** The match this event completes, or null. The caller checked the plain tests and the lateness. */
    Outcome observe(CompiledRule rule, int condition, RuleState state, ObservedEvent event, long time,
            long watermark) {
        ConditionLog log = state.logs[condition];
        log.evictBefore(watermark - 2 * rule.window);
        if (log.contains(event.id())) {
            return null;
        }
        FieldTest.Increase increase = rule.increase(condition);
        double[] ranks = null;
        boolean matched = true;
        if (increase != null) {
            ranks = ranks(increase, event);
            ConditionLog.Entry previous = log.previous(time, time - rule.window);
            matched = previous != null && rose(previous.ranks, ranks);
        }
        ConditionLog.Entry entry = new ConditionLog.Entry(event.id(), time, ranks, matched, event.detail());
        if (!log.add(entry) || !matched) {
            return null;
        }
        if (rule.isUnless(condition)) {
            if (state.pending != null && state.pending.cancelledBy(time)) {
                state.pending.cancelled = true;
                state.pending = null;
            }
            return null;
        }
        ConditionLog.Entry[] chosen = Combination.find(rule, state, condition, entry);
        if (chosen == null) {
            return null;
        }
        List<String> events = new ArrayList<>(chosen.length);
        List<Object> details = new ArrayList<>(chosen.length);
        for (ConditionLog.Entry e : chosen) {
            e.consumed = true;
            events.add(e.id);
            details.add(e.detail);
        }
        long at = Combination.time(chosen);
        return answeredInWindow(rule, state, at) ? null : new Outcome(events, details, at);
    }

    /** Whether an {@code unless} event already lies within the window around a match at {@code time}. */
    private static boolean answeredInWindow(CompiledRule rule, RuleState state, long time) {
        for (int u = rule.whenCount; u < rule.conditions.length; u++) {
            if (state.logs[u].anyAvailable(time - rule.window, time + rule.window)) {
                return true;
            }
        }
        return false;
    }

    private static double[] ranks(FieldTest.Increase increase, ObservedEvent event) {
        double[] ranks = new double[increase.fields().size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = increase.rank(event.data(), increase.fields().get(i));
        }
        return ranks;
    }

    /** Any field higher than before; a field without a rank either time is not compared. */
    private static boolean rose(double[] before, double[] now) {
        for (int i = 0; i < now.length; i++) {
            if (now[i] > before[i]) {
                return true;
            }
        }
        return false;
    }
}
