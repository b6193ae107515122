package org.interlock.gateway.feeds;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.runtime.configuration.MemorySize;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.interlock.contracts.catalogue.Category;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The feed log keeps the last events up to a count and up to a memory budget, whichever is reached first. */
class FeedLogRetentionTest {

    private static final long EACH = FeedEntry.heapEstimate(100);
    private static final Category RELEASE = new Category("custody.release", Classification.OFFICIAL,
            List.of("id", "person"), "person", null, Category.Handling.NONE);

    @Test
    void theMemoryBudgetShortensTheWindowBeforeTheCountDoes() {
        FeedLog log = new FeedLog(1_000, new MemorySize(BigInteger.valueOf(10 * EACH)));
        for (long offset = 0; offset < 20; offset++) {
            log.append(entry(offset, EACH));
        }
        assertDoesNotThrow(() -> log.requireRetained(passed(9)), "offsets 10 to 19 are held");
        ProblemException gone = assertThrows(ProblemException.class, () -> log.requireRetained(passed(8)));
        assertEquals(410, gone.problem().status());
    }

    @Test
    void theCountLimitsTheWindowWhenEventsAreSmall() {
        FeedLog log = new FeedLog(5, new MemorySize(BigInteger.valueOf(1_000 * EACH)));
        for (long offset = 0; offset < 20; offset++) {
            log.append(entry(offset, EACH));
        }
        assertDoesNotThrow(() -> log.requireRetained(passed(14)));
        assertThrows(ProblemException.class, () -> log.requireRetained(passed(13)));
    }

    @Test
    void oneEventLargerThanTheBudgetIsStillHeldUntilTheNext() {
        FeedLog log = new FeedLog(1_000, new MemorySize(BigInteger.valueOf(EACH)));
        log.append(entry(0, 50 * EACH));
        assertDoesNotThrow(() -> log.requireRetained(passed(-1)));
        log.append(entry(1, EACH));
        assertThrows(ProblemException.class, () -> log.requireRetained(passed(-1)));
        assertDoesNotThrow(() -> log.requireRetained(passed(0)));
    }

    @Test
    void theEstimateGrowsWithTheEventsSize() {
        assertEquals(1024 + 6 * 1_000, FeedEntry.heapEstimate(1_000));
        assertEquals(1024, FeedEntry.heapEstimate(-1), "a record without a value");
    }

    private static FeedPosition passed(long offset) {
        return FeedPosition.of(Map.of("prisons.0", offset));
    }

    private static FeedEntry entry(long offset, long bytes) {
        AgencyEvent event = new AgencyEvent("e" + offset, "org.interlock.prisons.custody.release-date-set.v1",
                URI.create("/agencies/prisons"), "urn:interlock:person:00000000-0000-0000-0000-000000000001",
                OffsetDateTime.now(), RELEASE, Classification.OFFICIAL, null, null, null, Agency.PRISONS,
                NullNode.getInstance());
        return new FeedEntry("prisons.0", offset, event, bytes);
    }
}
