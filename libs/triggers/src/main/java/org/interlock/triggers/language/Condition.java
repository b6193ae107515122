package org.interlock.triggers.language;

import java.util.List;

/**
 * An event of one category, for the same person, whose data passes every test.
 *
 * @param line where the condition is written, for messages about it
 */
public record Condition(String category, List<FieldTest> tests, int line) {

    public Condition {
        tests = List.copyOf(tests);
    }

    /** Whether holding depends on the person's previous event of the category. */
    public boolean comparesWithPrevious() {
        return tests.stream().anyMatch(FieldTest.Increase.class::isInstance);
    }
}
