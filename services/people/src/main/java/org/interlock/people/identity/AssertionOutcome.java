package org.interlock.people.identity;

import java.util.UUID;

/** What asserting an identity came to: filed ({@link AssertionView}) or refused as a {@link Conflict}. */
public sealed interface AssertionOutcome permits AssertionView, AssertionOutcome.Conflict {

    /** Refused: it contradicts a record sharing its identifier; the review item waits for an identity manager. */
    record Conflict(UUID review, String detail) implements AssertionOutcome {
    }
}
