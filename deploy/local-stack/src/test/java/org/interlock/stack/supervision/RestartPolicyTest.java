package org.interlock.stack.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void theDelayDoublesFromOneSecondUpToThirtySeconds() {
        List<Long> seconds = IntStream.rangeClosed(1, 8)
                .mapToObj(attempt -> RestartPolicy.DEFAULT.delayBefore(attempt).toSeconds()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    @Test
    void sixAttemptsInARowAreAllowedAndNoSeventh() {
        assertTrue(RestartPolicy.DEFAULT.allowsAnotherAfter(5));
        assertFalse(RestartPolicy.DEFAULT.allowsAnotherAfter(6));
    }

    @Test
    void aDelayNeverExceedsItsCapWhateverTheAttempt() {
        assertEquals(Duration.ofSeconds(30), RestartPolicy.DEFAULT.delayBefore(1_000));
    }
}
