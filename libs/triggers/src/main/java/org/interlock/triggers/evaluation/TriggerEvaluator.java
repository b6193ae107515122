package org.interlock.triggers.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.interlock.triggers.language.Condition;
import org.interlock.triggers.language.TriggerRules;

/**
 * Evaluates the review triggers on agency events as they flow, in event time (ADR 0015). Each
 * event touches only the rules that name its category (a dispatch table built once); each person's
 * state per rule is bounded by the rule's window; the same event (same id) never fires a rule twice;
 * the same events in the same order give the same firings. Not thread-safe: one evaluator per
 * stream partition (events are keyed by person, so a partition holds all of a person's events).
 */
public final class TriggerEvaluator {

    /** A condition of a rule that an event of some category may satisfy. */
    private record Subscription(CompiledRule rule, int condition) {
    }

    private final CompiledRule[] rules;
    private final Map<String, Subscription[]> dispatch;
    private final Map<String, RuleState[]> persons = new HashMap<>();
    private final PriorityQueue<Pending> deadlines = new PriorityQueue<>(
            Comparator.comparingLong((Pending p) -> p.deadline).thenComparingLong(p -> p.sequence));
    private final RuleStep step = new RuleStep();
    private final long sweepEvery;
    private long watermark = Long.MIN_VALUE;
    private long nextSweep = Long.MIN_VALUE;
    private long eventsSinceSweep;

    public TriggerEvaluator(TriggerRules rules) {
        this.rules = new CompiledRule[rules.rules().size()];
        Map<String, List<Subscription>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            CompiledRule rule = new CompiledRule(i, rules.rules().get(i));
            this.rules[i] = rule;
            Condition[] conditions = rule.conditions;
            for (int c = 0; c < conditions.length; c++) {
                byCategory.computeIfAbsent(conditions[c].category(), k -> new ArrayList<>()).add(new Subscription(rule, c));
            }
        }
        this.dispatch = new HashMap<>();
        byCategory.forEach((category, subscriptions) -> dispatch.put(category, subscriptions.toArray(Subscription[]::new)));
        this.sweepEvery = Math.max(1, Arrays.stream(this.rules).mapToLong(r -> r.window).min().orElse(1));
    }

    /**
     * Takes the next event and returns what fired: first the matches whose window closed before the
     * event's time (oldest first), then what the event completed, in the order of the rule file.
     */
    public List<Firing> accept(ObservedEvent event) {
        long time = event.time().toEpochMilli();
        List<Firing> firings = new ArrayList<>(0);
        advance(time, firings);
        Subscription[] subscriptions = event.person() == null ? null : dispatch.get(event.category());
        if (subscriptions != null) {
            RuleState[] states = persons.get(event.person());
            for (Subscription subscription : subscriptions) {
                CompiledRule rule = subscription.rule();
                if (time < watermark - rule.window || !rule.passesPlainTests(subscription.condition(), event.data())) {
                    continue;
                }
                if (states == null) {
                    states = new RuleState[rules.length];
                    persons.put(event.person(), states);
                }
                if (states[rule.index] == null) {
                    states[rule.index] = new RuleState(rule.conditions.length);
                }
                RuleStep.Outcome outcome = step.observe(rule, subscription.condition(), states[rule.index], event,
                        time, watermark);
                if (outcome != null) {
                    settle(rule, states[rule.index], event.person(), outcome, firings);
                }
            }
        }
        sweepWhenDue();
        return firings;
    }

    /**
     * Moves event time on without an event (a clock tick), firing the matches whose window closed and
     * forgetting what no window can use any more, whatever the number of events since the last time.
     */
    public List<Firing> advanceTo(Instant time) {
        List<Firing> firings = new ArrayList<>(0);
        advance(time.toEpochMilli(), firings);
        eventsSinceSweep = Math.max(eventsSinceSweep, persons.size());
        sweepWhenDue();
        return firings;
    }

    /** Persons with any state held, for checking the bounds. */
    public int personsHeld() {
        return persons.size();
    }

    /** Entries held over every person, rule and condition, for checking the bounds. */
    public long entriesHeld() {
        long count = 0;
        for (RuleState[] states : persons.values()) {
            for (RuleState state : states) {
                count += state == null ? 0 : state.entries();
            }
        }
        return count;
    }

    /** Matches waiting for their window to close. */
    public int pendingHeld() {
        return (int) deadlines.stream().filter(p -> !p.cancelled).count();
    }

    /**
     * A match fires now, or waits for its window to close: one wait per person and rule, and a match
     * made while one waits shares its fate.
     */
    private void settle(CompiledRule rule, RuleState state, String person, RuleStep.Outcome outcome,
            List<Firing> firings) {
        if (!rule.waitsForWindowToClose) {
            firings.add(new Firing(rule.id, person, outcome.events(), outcome.details(),
                    Instant.ofEpochMilli(outcome.time())));
        } else if (state.pending == null) {
            state.pending = new Pending(person, rule, outcome, step.nextSequence());
            deadlines.add(state.pending);
        }
    }

    /** Event time is the latest seen; a match fires once it passed the end of the match's window. */
    private void advance(long time, List<Firing> firings) {
        watermark = Math.max(watermark, time);
        while (!deadlines.isEmpty() && deadlines.peek().deadline < watermark) {
            Pending due = deadlines.poll();
            if (due.cancelled) {
                continue;
            }
            persons.get(due.person)[due.rule.index].pending = null;
            firings.add(new Firing(due.rule.id, due.person, due.events, due.details, Instant.ofEpochMilli(due.deadline)));
        }
    }

    /**
     * Forgets what no window can use any more: entries older than twice their rule's window (a late
     * event, at most one window late, still finds its partners) and persons with nothing left. Runs
     * once event time moved on by the shortest window and at least half as many events as persons
     * held were taken (even while every event brings a new person), so its cost per event stays constant.
     */
    private void sweepWhenDue() {
        eventsSinceSweep++;
        if (watermark < nextSweep || eventsSinceSweep * 2 < persons.size()) {
            return;
        }
        eventsSinceSweep = 0;
        nextSweep = watermark + sweepEvery;
        for (Iterator<RuleState[]> it = persons.values().iterator(); it.hasNext(); ) {
            RuleState[] states = it.next();
            boolean empty = true;
            for (int i = 0; i < states.length; i++) {
                if (states[i] != null && states[i].evictBefore(watermark - 2 * rules[i].window)) {
                    states[i] = null;
                }
                empty &= states[i] == null;
            }
            if (empty) {
                it.remove();
            }
        }
    }
}
