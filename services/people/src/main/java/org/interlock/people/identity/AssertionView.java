package org.interlock.people.identity;

import java.util.UUID;

/**
 * What the asserter learns of an assertion: that it was filed, under which reference, and nothing of
 * what else the index holds. Whether it matched anyone, and whom, is for identity managers (the
 * review items): an answer that said so would tell a practitioner whether a name and date of birth
 * are known to any agency (ADR 0014, "Who links people").
 *
 * @param person the reference the identity was filed under
 * @param outcome always RECORDED
 */
public record AssertionView(UUID record, String person, String outcome) implements AssertionOutcome {

    static AssertionView recorded(UUID record, String person) {
        return new AssertionView(record, person, "RECORDED");
    }
}
