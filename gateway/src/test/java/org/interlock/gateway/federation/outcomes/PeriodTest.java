package org.interlock.gateway.federation.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aQuarterAndAMonthRunFromTheirFirstDayToTheDayAfterTheirLast() {
        assertEquals(Optional.of(new Period("2026-Q3", Period.Kind.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1))),
                Period.parse("2026-Q3"));
        assertEquals(Optional.of(new Period("2026-12", Period.Kind.MONTH, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))),
                Period.parse("2026-12"));
    }

    @Test
    void anythingElseIsNoPeriod() {
        for (String code : new String[] {null, "", "2026-Q0", "2026-Q5", "2026-00", "2026-13", "2026-9", "26-Q1",
                "2026-q1", " 2026-Q1", "2026-Q1\n"}) {
            assertEquals(Optional.empty(), Period.parse(code), String.valueOf(code));
        }
    }

    @Test
    void aPeriodHasEndedFromTheDayAfterItsLast() {
        Period september = Period.parse("2026-09").orElseThrow();
        assertFalse(september.endedBefore(LocalDate.of(2026, 9, 30)));
        assertTrue(september.endedBefore(LocalDate.of(2026, 10, 1)));
    }
}
