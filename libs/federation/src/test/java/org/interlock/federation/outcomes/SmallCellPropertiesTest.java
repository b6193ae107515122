package org.interlock.federation.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the table and the threshold, what leaves singles nobody out and is otherwise true. */
class SmallCellPropertiesTest {

    private static final List<String> OUTCOMES = List.of("COMPLETED", "NOT_COMPLETED", "WITHDRAWN");

    @Property(tries = 500)
    void noSmallCountLeavesNoRowHidesExactlyOneCellAndEveryShownCountIsTrue(
            @ForAll("tables") List<OutcomeCount> table, @ForAll @IntRange(min = 3, max = 11) int minimum) {
        List<PublishedCell> published = new SmallCellSuppression(minimum).apply(table);

        assertEquals(table.size(), published.size());
        for (int i = 0; i < table.size(); i++) {
            OutcomeCount held = table.get(i);
            PublishedCell cell = published.get(i);
            assertFalse(held.count() > 0 && held.count() < minimum && !cell.isSuppressed(), "small count shown");
            cell.count().ifPresent(shown -> assertEquals(held.count(), shown));
        }
        Map<String, Long> hiddenPerRow = published.stream().filter(PublishedCell::isSuppressed)
                .collect(Collectors.groupingBy(c -> c.interventionType() + c.period(), Collectors.counting()));
        hiddenPerRow.values().forEach(hidden -> assertNotEquals(1L, hidden, "a row with one cell hidden"));
    }

    @Provide
    Arbitrary<List<OutcomeCount>> tables() {
        Arbitrary<List<Long>> row = Arbitraries.longs().between(0, 20).list().ofSize(OUTCOMES.size());
        return row.list().ofMinSize(1).ofMaxSize(6).map(rows -> {
            List<OutcomeCount> table = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                for (int o = 0; o < OUTCOMES.size(); o++) {
                    table.add(new OutcomeCount("type-" + r, "2026-Q" + (1 + r % 4), OUTCOMES.get(o),
                            rows.get(r).get(o)));
                }
            }
            return table;
        });
    }
}
