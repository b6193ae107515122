package org.interlock.triggers.evaluation;

import static org.interlock.triggers.TestRules.T0;
import static org.interlock.triggers.TestRules.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.TestRules;
import org.interlock.triggers.language.TriggerRules;

class TriggerEvaluatorTest {

    private static final String P = "person-p";
    private static final String Q = "person-q";

    private static TriggerRules rules() throws PolicyException {
        return TestRules.load(List.of(
                "version: t-1",
                "rules:",
                "  - id: pair",
                "    description: a concern and a missed appointment",
                "    when:",
                "      - category: partner.concern",
                "      - {category: supervision.appointment, field: outcome, equals: MISSED_UNACCEPTABLE}",
                "    within: 100s",
                "  - id: unanswered",
                "    description: a reception with no accepted referral around it",
                "    when: [{category: custody.reception}]",
                "    unless: [{category: partner.referral, field: status, equals: ACCEPTED}]",
                "    within: 100s",
                "  - id: intent-rose",
                "    description: intent rated higher than before",
                "    when: [{category: risk.assessment, field: intent, changed: increased, scale: [LOW, MODERATE, HIGH]}]",
                "    within: 1000s",
                "  - id: high-intent",
                "    description: intent rated high",
                "    when: [{category: risk.assessment, field: intent, equals: HIGH}]"));
    }

    private static List<Firing> feed(TriggerEvaluator evaluator, ObservedEvent... events) {
        List<Firing> fired = new ArrayList<>();
        for (ObservedEvent event : events) {
            fired.addAll(evaluator.accept(event));
        }
        return fired;
    }

    private static ObservedEvent concern(String id, String person, long seconds) {
        return event(id, "partner.concern", person, seconds, "kind", "CONCERN_RAISED");
    }

    private static ObservedEvent missed(String id, String person, long seconds) {
        return event(id, "supervision.appointment", person, seconds, "outcome", "MISSED_UNACCEPTABLE");
    }

    private static Firing firing(String rule, String person, long seconds, String... events) {
        return new Firing(rule, person, List.of(events), T0.plusSeconds(seconds));
    }

    @Test
    void eventsExactlyTheWindowApartFire() throws PolicyException {
        List<Firing> fired = feed(new TriggerEvaluator(rules()), concern("c", P, 0), missed("m", P, 100));

        assertEquals(List.of(firing("pair", P, 100, "c", "m")), fired);
    }

    @Test
    void eventsOneMillisecondMoreThanTheWindowApartDoNotFire() throws PolicyException {
        ObservedEvent late = new ObservedEvent("m", "supervision.appointment", P, T0.plusMillis(100_001),
                JsonNodeFactory.instance.objectNode().put("outcome", "MISSED_UNACCEPTABLE"));

        assertEquals(List.of(), feed(new TriggerEvaluator(rules()), concern("c", P, 0), late));
    }

    @Test
    void anEventArrivingOutOfOrderIsDecidedOnItsEventTime() throws PolicyException {
        List<Firing> inOrder = feed(new TriggerEvaluator(rules()), missed("m", P, 450), concern("c", P, 500));
        List<Firing> outOfOrder = feed(new TriggerEvaluator(rules()), concern("c", P, 500), missed("m", P, 450));

        assertEquals(List.of(firing("pair", P, 500, "c", "m")), inOrder);
        assertEquals(inOrder, outOfOrder);
    }

    @Test
    void anEventMoreThanAWindowOlderThanTheLatestEventTimeIsTooLateForTheRule() throws PolicyException {
        List<Firing> fired = feed(new TriggerEvaluator(rules()),
                concern("c", P, 500), concern("other", Q, 700), missed("m", P, 560));

        assertEquals(List.of(), fired);
    }

    @Test
    void theSameEventTwiceFiresOnce() throws PolicyException {
        ObservedEvent high = event("a", "risk.assessment", P, 0, "intent", "HIGH");

        List<Firing> fired = feed(new TriggerEvaluator(rules()), high, concern("c", P, 1), high, missed("m", P, 2),
                missed("m", P, 2));

        assertEquals(List.of(firing("high-intent", P, 0, "a"), firing("pair", P, 2, "c", "m")), fired);
    }

    @Test
    void aLateAssessmentIsComparedWithTheOneBeforeItInEventTime() throws PolicyException {
        List<Firing> fired = feed(new TriggerEvaluator(rules()),
                event("r1", "risk.assessment", P, 0, "intent", "LOW"),
                event("r3", "risk.assessment", P, 200, "intent", "MODERATE"),
                event("r2", "risk.assessment", P, 100, "intent", "MODERATE"));

        assertEquals(List.of(firing("intent-rose", P, 200, "r3"), firing("intent-rose", P, 100, "r2")), fired);
    }

    @Test
    void anUnlessRuleFiresOnlyOnceEventTimeIsPastItsWindow() throws PolicyException {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules());
        List<Firing> fired = feed(evaluator, event("r", "custody.reception", P, 0));

        fired.addAll(evaluator.advanceTo(T0.plusSeconds(100)));
        assertEquals(List.of(), fired);
        assertEquals(1, evaluator.pendingHeld());

        fired.addAll(evaluator.advanceTo(T0.plusSeconds(100).plusMillis(1)));
        assertEquals(List.of(firing("unanswered", P, 100, "r")), fired);
        assertEquals(0, evaluator.pendingHeld());
    }

    @Test
    void anUnlessEventAtTheEdgeOfTheWindowAnswersTheMatch() throws PolicyException {
        TriggerEvaluator before = new TriggerEvaluator(rules());
        TriggerEvaluator after = new TriggerEvaluator(rules());

        List<Firing> fired = feed(before, event("p", "partner.referral", P, 0, "status", "ACCEPTED"),
                event("r", "custody.reception", P, 100));
        fired.addAll(feed(after, event("r", "custody.reception", P, 0),
                event("p", "partner.referral", P, 100, "status", "ACCEPTED")));
        fired.addAll(before.advanceTo(T0.plusSeconds(1_000)));
        fired.addAll(after.advanceTo(T0.plusSeconds(1_000)));

        assertEquals(List.of(), fired);
    }

    @Test
    void anEventOfACategoryNoRuleNamesHoldsNoState() throws PolicyException {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules());

        feed(evaluator, event("x", "licence.conditions", P, 0), event("y", "supervision.appointment", P, 1,
                "outcome", "ATTENDED"));

        assertEquals(0, evaluator.personsHeld());
    }

    @Test
    void theSameStreamGivesTheSameFirings() throws PolicyException {
        List<ObservedEvent> stream = randomStream(new Random(16), 20_000, 200);

        List<Firing> first = feed(new TriggerEvaluator(rules()), stream.toArray(ObservedEvent[]::new));
        List<Firing> second = feed(new TriggerEvaluator(rules()), stream.toArray(ObservedEvent[]::new));

        assertTrue(first.size() > 100, "the stream fires: " + first.size());
        assertEquals(first, second);
    }

    @Test
    void stateStaysBoundedByTheWindowsNotByThePersonsSeen() throws PolicyException {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules());
        int mostHeld = 0;
        for (int i = 0; i < 100_000; i++) {
            evaluator.accept(concern("c" + i, "person-" + (i % 10_000), i));
            mostHeld = Math.max(mostHeld, evaluator.personsHeld());
        }

        assertTrue(mostHeld <= 1_000, "persons held at most: " + mostHeld);
        evaluator.advanceTo(T0.plusSeconds(200_000));
        assertEquals(List.of(0, 0L), List.of(evaluator.personsHeld(), evaluator.entriesHeld()));
    }

    /** Events of the rules' categories about a few persons, one a second, a few of them late. */
    private static List<ObservedEvent> randomStream(Random random, int events, int persons) {
        List<ObservedEvent> stream = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String person = "person-" + random.nextInt(persons);
            long at = i - (random.nextInt(10) == 0 ? random.nextInt(60) : 0);
            stream.add(switch (random.nextInt(5)) {
                case 0 -> concern("e" + i, person, at);
                case 1 -> missed("e" + i, person, at);
                case 2 -> event("e" + i, "custody.reception", person, at);
                case 3 -> event("e" + i, "partner.referral", person, at, "status", "ACCEPTED");
                default -> event("e" + i, "risk.assessment", person, at, "intent", random.nextBoolean() ? "HIGH" : "LOW");
            });
        }
        return stream;
    }

    @Test
    void firingsReportTheirTimeInEventTime() throws PolicyException {
        List<Firing> fired = feed(new TriggerEvaluator(rules()), missed("m", P, 30), concern("c", P, 10));

        assertEquals(Instant.parse("2026-12-01T09:00:30Z"), fired.getFirst().time());
    }

    @Test
    void aFiringHandsBackEachEventsDetailInTheRulesOrderAsAFiringAfterItsWindowDoes() throws PolicyException {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules());
        List<Firing> fired = feed(evaluator, detailed(missed("m", P, 10), "missed's"),
                detailed(concern("c", P, 20), "concern's"), detailed(event("r", "custody.reception", Q, 0), "reception's"));
        fired.addAll(evaluator.advanceTo(T0.plusSeconds(101)));

        assertEquals(List.of(List.of("concern's", "missed's"), List.of("reception's")),
                fired.stream().map(Firing::details).toList());
        assertEquals(List.of(List.of("c", "m"), List.of("r")), fired.stream().map(Firing::events).toList());
    }

    private static ObservedEvent detailed(ObservedEvent event, Object detail) {
        return new ObservedEvent(event.id(), event.category(), event.person(), event.time(), event.data(), detail);
    }
}
