package org.interlock.gateway.federation.outcomes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import org.interlock.contracts.Agency;
import org.interlock.federation.outcomes.OutcomeCount;
import org.interlock.federation.outcomes.PublishedCell;
import org.interlock.federation.outcomes.SmallCellSuppression;

/**
 * This deployment's outcomes table for a period, as it may be shown or published: the counts of the agencies
 * taken, added up per intervention type and outcome, every row complete, then small cells suppressed with the
 * configured minimum. Built when the gateway starts, so a minimum below {@value SmallCellSuppression#LOWEST_MINIMUM}
 * stops the start.
 */
@Singleton
@Startup
public class OutcomeTables {

    /** The outcomes an intervention ends with (the arranging agencies' schema): every row has each of them. */
    static final Set<String> OUTCOMES = Set.of("COMPLETED", "NOT_COMPLETED");

    private final SmallCellSuppression suppression;
    private final int minimumCell;

    public OutcomeTables(OutcomesConfig config) {
        try {
            this.suppression = new SmallCellSuppression(config.minimumCell());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("interlock.federation.outcomes.minimum-cell " + config.minimumCell()
                    + ": " + e.getMessage());
        }
        this.minimumCell = config.minimumCell();
    }

    public int minimumCell() {
        return minimumCell;
    }

    /** The table of the agencies {@code taken}, suppressed: what leaves, and what is shown here. */
    public List<PublishedCell> table(String period, Map<Agency, List<OutcomeCount>> counts, Set<Agency> taken) {
        return suppression.apply(pooled(period, counts, taken));
    }

    /**
     * The agencies' counts added up per type and outcome, each type's row holding every outcome (zero where none
     * ended so): complementary suppression protects a small cell only inside a complete row.
     */
    static List<OutcomeCount> pooled(String period, Map<Agency, List<OutcomeCount>> counts, Set<Agency> taken) {
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        Set<String> outcomes = new TreeSet<>(OUTCOMES);
        counts.entrySet().stream().filter(e -> taken.contains(e.getKey())).map(Map.Entry::getValue)
                .flatMap(Collection::stream).forEach(count -> {
                    outcomes.add(count.outcome());
                    rows.computeIfAbsent(count.interventionType(), t -> new TreeMap<>())
                            .merge(count.outcome(), count.count(), Long::sum);
                });
        List<OutcomeCount> pooled = new ArrayList<>();
        rows.forEach((type, row) -> outcomes.forEach(outcome ->
                pooled.add(new OutcomeCount(type, period, outcome, row.getOrDefault(outcome, 0L)))));
        return pooled;
    }

    /**
     * A peer's table as shown here: a count below this side's minimum is shown suppressed too, so that nobody here
     * reads a smaller count from a peer than they could from home.
     */
    public List<PublishedCell> asShownHere(List<PublishedCell> peerTable) {
        return peerTable.stream().map(cell -> cell.count().isPresent() && cell.count().getAsLong() > 0
                && cell.count().getAsLong() < minimumCell
                ? new PublishedCell(cell.interventionType(), cell.period(), cell.outcome(), java.util.OptionalLong.empty())
                : cell).toList();
    }
}
