package org.interlock.federation.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a deployment may publish of its intervention outcomes so that no individual can be singled
 * out (issue 18, "sharing what works, not who").
 * <ul>
 *   <li><b>Primary suppression:</b> a count from 1 to {@code minimumCell - 1} is not shown.</li>
 *   <li><b>Complementary suppression:</b> a row (one intervention type in one period) never has
 *       exactly one suppressed cell: a reader who knows the row's total from elsewhere (the
 *       number of interventions that ended, published by the deployment's own statistics) would
 *       get the small count by subtraction. The smallest other cell of the row is suppressed with
 *       it, a zero too, since the reader cannot tell which of the two is zero.</li>
 *   <li>Row and column totals are never published, and one table holds one kind of period (all
 *       quarters or all months), so that no total can be had by adding published figures across
 *       overlapping periods.</li>
 * </ul>
 * Zero is shown: it singles nobody out. The input is complete for its rows: an outcome missing
 * from a row is taken as not applicable to that type, not as zero.
 */
public final class SmallCellSuppression {

    /** Below this, a threshold protects nobody: a count of 1 is the individual. */
    public static final int LOWEST_MINIMUM = 3;

    private final int minimumCell;

    /** @throws IllegalArgumentException for a minimum below {@value #LOWEST_MINIMUM} */
    public SmallCellSuppression(int minimumCell) {
        if (minimumCell < LOWEST_MINIMUM) {
            throw new IllegalArgumentException("a minimum cell size below " + LOWEST_MINIMUM + " protects nobody");
        }
        this.minimumCell = minimumCell;
    }

    /**
     * The table as it may be published, in the order given.
     *
     * @throws IllegalArgumentException when a cell is given twice, or periods of both kinds are mixed
     */
    public List<PublishedCell> apply(List<OutcomeCount> counts) {
        Map<OutcomeCount.Row, List<OutcomeCount>> rows = rows(counts);
        Set<OutcomeCount> hidden = new HashSet<>();
        for (List<OutcomeCount> row : rows.values()) {
            List<OutcomeCount> small = row.stream().filter(this::small).toList();
            hidden.addAll(small);
            if (small.size() == 1) {
                row.stream().filter(cell -> !hidden.contains(cell))
                        .min(Comparator.comparingLong(OutcomeCount::count).thenComparing(OutcomeCount::outcome))
                        .ifPresent(hidden::add);
            }
        }
        List<PublishedCell> published = new ArrayList<>(counts.size());
        for (OutcomeCount cell : counts) {
            published.add(hidden.contains(cell) ? PublishedCell.suppressed(cell) : PublishedCell.shown(cell));
        }
        return published;
    }

    private boolean small(OutcomeCount cell) {
        return cell.count() > 0 && cell.count() < minimumCell;
    }

    private static Map<OutcomeCount.Row, List<OutcomeCount>> rows(List<OutcomeCount> counts) {
        Map<OutcomeCount.Row, List<OutcomeCount>> rows = new LinkedHashMap<>();
        Set<String> cells = new HashSet<>();
        Set<Boolean> quarterly = new HashSet<>();
        for (OutcomeCount count : counts) {
            if (!cells.add(count.interventionType() + "|" + count.period() + "|" + count.outcome())) {
                throw new IllegalArgumentException("an outcome count given twice: " + count.interventionType() + " "
                        + count.period() + " " + count.outcome());
            }
            quarterly.add(count.period().contains("Q"));
            rows.computeIfAbsent(count.row(), row -> new ArrayList<>()).add(count);
        }
        if (quarterly.size() > 1) {
            throw new IllegalArgumentException("one table holds quarters or months, never both");
        }
        return rows;
    }
}
