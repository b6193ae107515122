package org.interlock.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.policy.Conference;
import org.interlock.policy.views.ConferenceRegister;

class ConferenceRegisterTest {

    private static final String P1 = "urn:interlock:person:00000000-0000-4000-8000-000000000001";
    private static final Instant MEETS = Instant.parse("2026-12-10T10:00:00Z");

    private static Conference conference(String id, Set<String> invitees) {
        return new Conference(id, List.of(P1), MEETS, "tara.probationlead", invitees, false);
    }

    @Test
    void aConferenceIsFoundByItsPersonAndInvitesOnlyWhomItNames() {
        ConferenceRegister register = new ConferenceRegister();
        register.convened(conference("c1", Set.of("olivia.prison")));

        assertEquals(1, register.about(P1).size());
        assertTrue(register.about(P1).getFirst().invites("olivia.prison", P1));
        assertFalse(register.about(P1).getFirst().invites("mia.mentor", P1));
        assertFalse(register.about(P1).getFirst().invites("olivia.prison", "urn:interlock:person:other"));
    }

    @Test
    void newTermsReplaceTheOldOnes() {
        ConferenceRegister register = new ConferenceRegister();
        register.convened(conference("c1", Set.of("olivia.prison")));
        register.convened(conference("c1", Set.of("mia.mentor")));

        assertEquals(1, register.about(P1).size());
        assertFalse(register.about(P1).getFirst().invites("olivia.prison", P1));
    }

    @Test
    void aCancellationIsFinalEvenAgainstAReplayedEarlierState() {
        ConferenceRegister register = new ConferenceRegister();
        register.convened(conference("c1", Set.of("olivia.prison")));
        register.cancelled("c1");
        register.convened(conference("c1", Set.of("olivia.prison")));

        assertTrue(register.about(P1).isEmpty());
    }

    @Test
    void aCancellationBeforeItsConventionIsKept() {
        ConferenceRegister register = new ConferenceRegister();
        register.cancelled("c1");
        register.convened(conference("c1", Set.of("olivia.prison")));

        assertTrue(register.about(P1).isEmpty());
    }
}
