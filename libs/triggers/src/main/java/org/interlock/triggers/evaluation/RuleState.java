package org.interlock.triggers.evaluation;

/** One person's state for one rule: a log per condition and the match waiting for its window, if any. */
final class RuleState {

    final ConditionLog[] logs;
    Pending pending;

    RuleState(int conditions) {
        logs = new ConditionLog[conditions];
        for (int i = 0; i < conditions; i++) {
            logs[i] = new ConditionLog();
        }
    }

    /** Drops what is older than {@code horizon}; true when nothing is left to remember. */
    boolean evictBefore(long horizon) {
        boolean empty = pending == null;
        for (ConditionLog log : logs) {
            empty &= log.evictBefore(horizon);
        }
        return empty;
    }

    int entries() {
        int count = 0;
        for (ConditionLog log : logs) {
            count += log.size();
        }
        return count;
    }
}
