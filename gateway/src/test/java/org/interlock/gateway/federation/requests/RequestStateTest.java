package org.interlock.gateway.federation.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The states of a request for information: open ones may be answered or go overdue; answers are final. */
class RequestStateTest {

    private static final Set<RequestState> OUTCOMES = EnumSet.of(RequestState.ANSWERED, RequestState.PARTLY_ANSWERED,
            RequestState.REFUSED);

    @Test
    void anOpenRequestMayBeAnsweredOrGoOverdue() {
        for (RequestState open : EnumSet.of(RequestState.SENT, RequestState.RECEIVED)) {
            for (RequestState next : RequestState.values()) {
                assertEquals(OUTCOMES.contains(next) || next == RequestState.OVERDUE, open.mayBecome(next),
                        open + " -> " + next);
            }
        }
    }

    @Test
    void anOverdueRequestStaysAnswerableButIsNotEscalatedAgain() {
        for (RequestState next : RequestState.values()) {
            assertEquals(OUTCOMES.contains(next), RequestState.OVERDUE.mayBecome(next), "overdue -> " + next);
        }
    }

    @Test
    void anAnswerIsFinal() {
        for (RequestState answered : OUTCOMES) {
            assertTrue(answered.answered());
            for (RequestState next : RequestState.values()) {
                assertFalse(answered.mayBecome(next), answered + " -> " + next);
            }
        }
    }

    @Test
    void onlyTheThreeOutcomesAreAnAnswersOutcome() {
        assertEquals(Optional.of(RequestState.PARTLY_ANSWERED), RequestState.outcome("partly-answered"));
        assertEquals(Optional.empty(), RequestState.outcome("overdue"));
        assertEquals(Optional.empty(), RequestState.outcome("received"));
        assertEquals(Optional.empty(), RequestState.outcome("PARTLY_ANSWERED"));
    }

    @Test
    void theSingleContactCannotChooseThePolicysOwnRefusalCode() {
        assertEquals(Optional.of(RefusalCode.NATIONAL_SECURITY), RefusalCode.chosen("national-security"));
        assertEquals(Optional.empty(), RefusalCode.chosen("not-permitted"));
        assertEquals(Optional.of(RefusalCode.NOT_PERMITTED), RefusalCode.of("not-permitted"));
        assertEquals(Optional.empty(), RefusalCode.chosen("because"));
    }
}
