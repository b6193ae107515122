package org.interlock.triggers.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.TestRules;
import org.interlock.triggers.language.Condition;
import org.interlock.triggers.language.FieldTest;
import org.interlock.triggers.language.TriggerRule;

class TriggerLoaderTest {

    private static final List<String> MINIMAL = List.of(
            "version: t-1",                                        // 1
            "rules:",                                              // 2
            "  - id: concern-and-missed",                          // 3
            "    description: a concern and a missed appointment", // 4
            "    when:",                                           // 5
            "      - category: partner.concern",                   // 6
            "      - category: supervision.appointment",           // 7
            "        field: outcome",                              // 8
            "        equals: MISSED_UNACCEPTABLE",                 // 9
            "    within: 14d");                                    // 10

    /** The minimal file with one change made to a copy of its lines. */
    private static List<String> edited(Consumer<List<String>> change) {
        List<String> lines = new ArrayList<>(MINIMAL);
        change.accept(lines);
        return lines;
    }

    private static List<String> replacing(int line, String text) {
        return edited(lines -> lines.set(line - 1, text));
    }

    private static List<String> adding(String... more) {
        return edited(lines -> lines.addAll(List.of(more)));
    }

    private static void assertFailsAt(int line, String problem, List<String> lines) {
        PolicyException e = assertThrows(PolicyException.class, () -> TestRules.load(lines));
        assertEquals(TestRules.FILE + ":" + line, e.file() + ":" + e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void aRuleLoadsWithItsConditionsAndWindow() throws PolicyException {
        TriggerRule rule = TestRules.load(MINIMAL).rules().getFirst();

        assertEquals(new TriggerRule("concern-and-missed", "a concern and a missed appointment", List.of(
                new Condition("partner.concern", List.of(), 6),
                new Condition("supervision.appointment",
                        List.of(new FieldTest.OneOf(List.of("outcome"), Set.of("MISSED_UNACCEPTABLE"))), 7)),
                Duration.ofDays(14), List.of(), 3), rule);
    }

    @Test
    void anUnknownCategoryIsAnErrorAtItsLine() {
        assertFailsAt(6, "unknown category 'partner.worry'", replacing(6, "      - category: partner.worry"));
    }

    @Test
    void aFieldTheCategoryDoesNotCarryIsAnErrorAtItsLine() {
        assertFailsAt(8, "unknown field 'attendance' for category supervision.appointment",
                replacing(8, "        field: attendance"));
    }

    @Test
    void aValueTheSchemasDoNotListIsAnErrorAtItsLine() {
        assertFailsAt(9, "value 'MISSED' is not one field 'outcome' of supervision.appointment can take",
                replacing(9, "        equals: MISSED"));
    }

    @Test
    void aBadDurationIsAnErrorAtItsLine() {
        assertFailsAt(10, "bad duration 'two weeks'", replacing(10, "    within: two weeks"));
        assertFailsAt(10, "bad duration '0d'", replacing(10, "    within: 0d"));
        assertFailsAt(10, "bad duration '14w'", replacing(10, "    within: 14w"));
    }

    @Test
    void aRuleWithoutIdIsAnErrorAtTheRule() {
        List<String> lines = edited(l -> l.subList(2, 4).clear());
        lines.add(2, "  - description: a concern and a missed appointment");

        assertFailsAt(3, "rule #1 needs 'id'", lines);
    }

    @Test
    void aDuplicateIdIsAnErrorAtTheSecond() {
        assertFailsAt(11, "duplicate rule id 'concern-and-missed' (first defined at line 3)", adding(
                "  - id: concern-and-missed",
                "    description: again",
                "    when: [{category: partner.concern}]"));
    }

    @Test
    void severalConditionsWithoutAWindowAreAnErrorAtTheRule() {
        assertFailsAt(3, "needs 'within'", edited(List::removeLast));
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLine() {
        assertFailsAt(10, "unknown key 'window' in rule #1", replacing(10, "    window: 14d"));
    }

    @Test
    void aTestWithTwoKindsIsAnErrorAtTheCondition() {
        assertFailsAt(7, "exactly one of equals, in, present, changed (found: equals, present)",
                edited(lines -> lines.add(9, "        present: true")));
    }

    @Test
    void aRiseOfAFieldWithNamedValuesNeedsItsScale() {
        assertFailsAt(8, "field 'intent' of risk.assessment is not a number: give its 'scale'", List.of(
                "version: t-1",
                "rules:",
                "  - id: rose",
                "    description: rose",
                "    when:",
                "      - category: risk.assessment",
                "        field: intent",
                "        changed: increased",
                "    within: 30d"));
    }

    @Test
    void anUnlessConditionCannotCompareWithThePreviousEvent() {
        assertFailsAt(8, "an 'unless' condition cannot use 'changed'", List.of(
                "version: t-1",
                "rules:",
                "  - id: rose",
                "    description: rose",
                "    when: [{category: partner.concern}]",
                "    within: 30d",
                "    unless:",
                "      - category: risk.assessment",
                "        where: [{field: score, changed: increased}]"));
    }

    @Test
    void aFileWithOneBadRuleLoadsNothing() {
        assertFailsAt(14, "unknown category 'custody.nothing'", adding(
                "  - id: second",
                "    description: fine until its condition",
                "    when:",
                "      - category: custody.nothing"));
    }
}
