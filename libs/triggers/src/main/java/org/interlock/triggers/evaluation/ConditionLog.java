package org.interlock.triggers.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one person's events did for one condition of one rule, oldest first: at most
 * {@link #CAPACITY} entries, none older than the evaluator keeps (twice the rule's window). Entries
 * stay after they fired a rule (consumed), so that a redelivered event is recognised by its id.
 */
final class ConditionLog {

    /** Entries kept per person, rule and condition: a burst beyond it keeps the newest. */
    static final int CAPACITY = 16;

    /** One event seen for the condition. */
    static final class Entry {
        final String id;
        final long time;
        /** For a change test: the rank of each tested field (NaN: none). */
        final double[] ranks;
        /** It passed the condition (a change test also logs the events that did not, to compare with). */
        final boolean matched;
        /** The event's detail, handed back with a firing ({@link ObservedEvent#detail}). */
        final Object detail;
        boolean consumed;

        Entry(String id, long time, double[] ranks, boolean matched, Object detail) {
            this.id = id;
            this.time = time;
            this.ranks = ranks;
            this.matched = matched;
            this.detail = detail;
        }

        boolean available() {
            return matched && !consumed;
        }
    }

    private final List<Entry> entries = new ArrayList<>(2);

    boolean contains(String id) {
        for (Entry entry : entries) {
            if (entry.id.equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Adds in time order (after entries of the same time); false when the log is full of newer ones. */
    boolean add(Entry entry) {
        if (entries.size() == CAPACITY) {
            if (entry.time < entries.getFirst().time) {
                return false;
            }
            entries.removeFirst();
        }
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).time > entry.time) {
            at--;
        }
        entries.add(at, entry);
        return true;
    }

    /** The latest entry strictly before {@code time} and not before {@code notBefore}, or null. */
    Entry previous(long time, long notBefore) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.time < time) {
                return entry.time >= notBefore ? entry : null;
            }
        }
        return null;
    }

    /** The earliest available entry in {@code [from, to]} not already chosen, or null. */
    Entry earliestAvailable(long from, long to, List<Entry> chosen) {
        for (Entry entry : entries) {
            if (entry.time > to) {
                return null;
            }
            if (entry.time >= from && entry.available() && !sameEvent(entry, chosen)) {
                return entry;
            }
        }
        return null;
    }

    /** Whether an available entry lies within {@code [from, to]}. */
    boolean anyAvailable(long from, long to) {
        for (Entry entry : entries) {
            if (entry.time >= from && entry.time <= to && entry.available()) {
                return true;
            }
        }
        return false;
    }

    /** Adds the times of the available entries in {@code [from, to]} to {@code times}. */
    void availableTimes(long from, long to, List<Long> times) {
        for (Entry entry : entries) {
            if (entry.time >= from && entry.time <= to && entry.available()) {
                times.add(entry.time);
            }
        }
    }

    /** Drops the entries older than {@code horizon}; true when nothing is left. */
    boolean evictBefore(long horizon) {
        while (!entries.isEmpty() && entries.getFirst().time < horizon) {
            entries.removeFirst();
        }
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    private static boolean sameEvent(Entry entry, List<Entry> chosen) {
        for (Entry other : chosen) {
            if (other.id.equals(entry.id)) {
                return true;
            }
        }
        return false;
    }
}
