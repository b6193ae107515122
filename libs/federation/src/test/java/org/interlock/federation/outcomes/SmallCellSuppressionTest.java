package org.interlock.federation.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private final SmallCellSuppression suppression = new SmallCellSuppression(5);

    @Test
    void countsAtOrAboveTheMinimumAndZerosAreShown() {
        List<PublishedCell> published = suppression.apply(List.of(
                count("mentoring", "2026-Q3", "COMPLETED", 12),
                count("mentoring", "2026-Q3", "NOT_COMPLETED", 5),
                count("mentoring", "2026-Q3", "WITHDRAWN", 0)));

        assertEquals(List.of(OptionalLong.of(12), OptionalLong.of(5), OptionalLong.of(0)),
                published.stream().map(PublishedCell::count).toList());
    }

    @Test
    void aSmallCountIsSuppressedWithTheSmallestOtherCellOfItsRowSoThatNoTotalGivesItAway() {
        List<PublishedCell> published = suppression.apply(List.of(
                count("mentoring", "2026-Q3", "COMPLETED", 40),
                count("mentoring", "2026-Q3", "NOT_COMPLETED", 2),
                count("mentoring", "2026-Q3", "WITHDRAWN", 9),
                count("theology", "2026-Q3", "COMPLETED", 7)));

        assertEquals(List.of(false, true, true, false), published.stream().map(PublishedCell::isSuppressed).toList());
    }

    @Test
    void aZeroIsSuppressedBesideASmallCountWhenItIsTheSmallestOtherCell() {
        List<PublishedCell> published = suppression.apply(List.of(
                count("mentoring", "2026-09", "COMPLETED", 1),
                count("mentoring", "2026-09", "NOT_COMPLETED", 0),
                count("mentoring", "2026-09", "WITHDRAWN", 30)));

        assertEquals(List.of(true, true, false), published.stream().map(PublishedCell::isSuppressed).toList());
    }

    @Test
    void twoSmallCountsInARowNeedNoThird() {
        List<PublishedCell> published = suppression.apply(List.of(
                count("mentoring", "2026-Q1", "COMPLETED", 3),
                count("mentoring", "2026-Q1", "NOT_COMPLETED", 4),
                count("mentoring", "2026-Q1", "WITHDRAWN", 30)));

        assertEquals(List.of(true, true, false), published.stream().map(PublishedCell::isSuppressed).toList());
    }

    @Test
    void aThresholdThatProtectsNobodyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmallCellSuppression(2));
        assertThrows(IllegalArgumentException.class, () -> new SmallCellSuppression(0));
    }

    @Test
    void aTableThatCouldBeAddedUpAcrossPeriodsOrThatRepeatsACellIsRefused() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> suppression.apply(List.of(
                count("mentoring", "2026-Q3", "COMPLETED", 12), count("mentoring", "2026-09", "COMPLETED", 4))));
        assertTrue(mixed.getMessage().contains("quarters or months"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> suppression.apply(List.of(
                count("mentoring", "2026-Q3", "COMPLETED", 12), count("mentoring", "2026-Q3", "COMPLETED", 12))));
    }

    @Test
    void aCountThatIsNotWellFormedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> count("mentoring", "2026-Q5", "COMPLETED", 1));
        assertThrows(IllegalArgumentException.class, () -> count("mentoring", "2026-13", "COMPLETED", 1));
        assertThrows(IllegalArgumentException.class, () -> count("../x", "2026-Q1", "COMPLETED", 1));
        assertThrows(IllegalArgumentException.class, () -> count("mentoring", "2026-Q1", "COMPLETED", -1));
    }

    static OutcomeCount count(String type, String period, String outcome, long count) {
        return new OutcomeCount(type, period, outcome, count);
    }
}
