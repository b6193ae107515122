package org.interlock.gateway.federation.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.interlock.contracts.Agency;
import org.interlock.federation.outcomes.OutcomeCount;
import org.interlock.federation.outcomes.PublishedCell;
import org.junit.jupiter.api.Test;

class OutcomeTablesTest {

    private static final Map<Agency, List<OutcomeCount>> COUNTS = Map.of(
            Agency.PRISONS, List.of(new OutcomeCount("mentoring", "2026-Q3", "COMPLETED", 6),
                    new OutcomeCount("mediation", "2026-Q3", "NOT_COMPLETED", 2)),
            Agency.PROBATION, List.of(new OutcomeCount("mentoring", "2026-Q3", "COMPLETED", 4)));

    private static OutcomeTables tables(int minimum) {
        return new OutcomeTables(new OutcomesConfig() {
            @Override
            public int minimumCell() {
                return minimum;
            }

            @Override
            public Period.Kind periodKind() {
                return Period.Kind.QUARTER;
            }
        });
    }

    @Test
    void theAgenciesTakenAreAddedUpAndEveryRowHoldsEveryOutcome() {
        assertEquals(List.of(
                        new OutcomeCount("mediation", "2026-Q3", "COMPLETED", 0),
                        new OutcomeCount("mediation", "2026-Q3", "NOT_COMPLETED", 2),
                        new OutcomeCount("mentoring", "2026-Q3", "COMPLETED", 10),
                        new OutcomeCount("mentoring", "2026-Q3", "NOT_COMPLETED", 0)),
                OutcomeTables.pooled("2026-Q3", COUNTS, EnumSet.of(Agency.PRISONS, Agency.PROBATION)));
    }

    @Test
    void anAgencyNotTakenCountsForNothing() {
        assertEquals(List.of(
                        new OutcomeCount("mediation", "2026-Q3", "COMPLETED", 0),
                        new OutcomeCount("mediation", "2026-Q3", "NOT_COMPLETED", 2),
                        new OutcomeCount("mentoring", "2026-Q3", "COMPLETED", 6),
                        new OutcomeCount("mentoring", "2026-Q3", "NOT_COMPLETED", 0)),
                OutcomeTables.pooled("2026-Q3", COUNTS, EnumSet.of(Agency.PRISONS)));
    }

    @Test
    void aSmallCountIsSuppressedWithItsRowsZeroAndNeverLeavesAsANumber() {
        List<PublishedCell> table = tables(5).table("2026-Q3", COUNTS, EnumSet.of(Agency.PRISONS, Agency.PROBATION));

        assertEquals(List.of(
                new PublishedCell("mediation", "2026-Q3", "COMPLETED", OptionalLong.empty()),
                new PublishedCell("mediation", "2026-Q3", "NOT_COMPLETED", OptionalLong.empty()),
                new PublishedCell("mentoring", "2026-Q3", "COMPLETED", OptionalLong.of(10)),
                new PublishedCell("mentoring", "2026-Q3", "NOT_COMPLETED", OptionalLong.of(0))), table);
    }

    @Test
    void aPeersCountBelowThisSidesMinimumIsShownSuppressed() {
        List<PublishedCell> peer = List.of(new PublishedCell("mediation", "2026-Q3", "COMPLETED", OptionalLong.of(4)),
                new PublishedCell("mediation", "2026-Q3", "NOT_COMPLETED", OptionalLong.of(0)));

        assertEquals(List.of(new PublishedCell("mediation", "2026-Q3", "COMPLETED", OptionalLong.empty()),
                new PublishedCell("mediation", "2026-Q3", "NOT_COMPLETED", OptionalLong.of(0))),
                tables(5).asShownHere(peer));
    }

    @Test
    void aMinimumBelowThreeStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tables(2));
        assertEquals("interlock.federation.outcomes.minimum-cell 2: a minimum cell size below 3 protects nobody",
                refused.getMessage());
    }
}
