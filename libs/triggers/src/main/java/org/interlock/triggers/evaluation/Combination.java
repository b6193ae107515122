package org.interlock.triggers.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds, for a new entry, one available entry for each other {@code when} condition of its rule such
 * that all lie within the window of each other (latest minus earliest at most the window; exactly
 * the window counts). Of several, the earliest: events fire a rule in the order they happened.
 */
final class Combination {

    private Combination() {
    }

    /** The entries in the rule's condition order, or null when no combination exists. */
    static ConditionLog.Entry[] find(CompiledRule rule, RuleState state, int condition, ConditionLog.Entry entry) {
        if (rule.whenCount == 1) {
            return new ConditionLog.Entry[] {entry};
        }
        List<Long> starts = new ArrayList<>();
        starts.add(entry.time);
        for (int other = 0; other < rule.whenCount; other++) {
            if (other != condition) {
                state.logs[other].availableTimes(entry.time - rule.window, entry.time, starts);
            }
        }
        starts.sort(null);
        for (long start : starts) {
            ConditionLog.Entry[] chosen = within(rule, state, condition, entry, start);
            if (chosen != null) {
                return chosen;
            }
        }
        return null;
    }

    /** The earliest entries in {@code [start, start + window]}, one per condition, or null. */
    private static ConditionLog.Entry[] within(CompiledRule rule, RuleState state, int condition,
            ConditionLog.Entry entry, long start) {
        ConditionLog.Entry[] chosen = new ConditionLog.Entry[rule.whenCount];
        chosen[condition] = entry;
        List<ConditionLog.Entry> taken = new ArrayList<>(rule.whenCount);
        taken.add(entry);
        for (int other = 0; other < rule.whenCount; other++) {
            if (other == condition) {
                continue;
            }
            ConditionLog.Entry found = state.logs[other].earliestAvailable(start, start + rule.window, taken);
            if (found == null) {
                return null;
            }
            chosen[other] = found;
            taken.add(found);
        }
        return chosen;
    }

    /** When the combination happened: its latest event. */
    static long time(ConditionLog.Entry[] chosen) {
        return Arrays.stream(chosen).mapToLong(e -> e.time).max().orElseThrow();
    }
}
