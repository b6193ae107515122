package org.interlock.gateway.federation.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.interlock.federation.envelope.Urgency;
import org.junit.jupiter.api.Test;

/** Deadlines by urgency, from the configured durations. */
class DeadlinesTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void anUrgentRequestHasTheUrgentDurationAndAnyOtherTheOther() {
        Deadlines deadlines = new Deadlines(Duration.ofHours(8), Duration.ofDays(7));

        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), deadlines.deadline(Urgency.URGENT, RECEIVED));
        assertEquals(Instant.parse("2026-12-14T02:00:00Z"), deadlines.deadline(Urgency.NOT_URGENT, RECEIVED));
    }

    @Test
    void theDurationsAreTheConfiguredOnes() {
        Deadlines deadlines = new Deadlines(Duration.ofMinutes(90), Duration.ofDays(3));

        assertEquals(RECEIVED.plus(Duration.ofMinutes(90)), deadlines.deadline(Urgency.URGENT, RECEIVED));
        assertEquals(RECEIVED.plus(Duration.ofDays(3)), deadlines.deadline(Urgency.NOT_URGENT, RECEIVED));
    }

    @Test
    void aDurationThatIsNotPositiveIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Deadlines(Duration.ZERO, Duration.ofDays(7)));
        assertThrows(IllegalArgumentException.class, () -> new Deadlines(Duration.ofHours(8), Duration.ofHours(-1)));
    }
}
