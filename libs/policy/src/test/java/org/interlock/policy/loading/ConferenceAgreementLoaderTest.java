package org.interlock.policy.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.interlock.policy.Action;
import org.interlock.policy.language.ConferenceWindow;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

/** How a policy file says who reads a case conference's pack, and when (ADR 0019). */
class ConferenceAgreementLoaderTest {

    private static final List<String> CONFERENCE = List.of(
            "version: t-1",                                                   // 1
            "purposes: [public-protection]",                                  // 2
            "categories: [supervision.case, conference]",                     // 3
            "staff:",                                                         // 4
            "  roles: [probation-officer]",                                   // 5
            "governance:",                                                    // 6
            "  conferencesConvenedBy: [team-manager]",                        // 7
            "agreements:",                                                    // 8
            "  - id: pack",                                                   // 9
            "    from: probation",                                            // 10
            "    to: conference",                                             // 11
            "    categories: [supervision.*]",                                // 12
            "    purposes: [public-protection]",                              // 13
            "    maxClassification: official-sensitive",                      // 14
            "    opensBefore: P7D",                                           // 15
            "    closesAfter: PT36H",                                         // 16
            "    legalBasis: statutory:Criminal Justice Act 2003 s.325");     // 17

    private static Policy load(List<String> lines) throws PolicyException {
        return new PolicyLoader().load("conference.yaml", new StringReader(String.join("\n", lines) + "\n"));
    }

    private static List<String> replacing(int line, String text) {
        List<String> lines = new ArrayList<>(CONFERENCE);
        lines.set(line - 1, text);
        return lines;
    }

    private static List<String> without(int line) {
        List<String> lines = new ArrayList<>(CONFERENCE);
        lines.remove(line - 1);
        return lines;
    }

    private static PolicyException failure(List<String> lines) {
        return assertThrows(PolicyException.class, () -> load(lines));
    }

    @Test
    void aConferenceAgreementGrantsReadOnlyInItsWindow() throws PolicyException {
        Policy policy = load(CONFERENCE);
        SharingAgreement pack = policy.agreements().getFirst();

        assertTrue(pack.forConference());
        assertEquals(EnumSet.of(Action.READ), pack.actions());
        assertEquals(new ConferenceWindow(Duration.ofDays(7), Duration.ofHours(36)), pack.window());
        assertEquals(java.util.Set.of("team-manager"), policy.governance().conferencesConvenedBy());
    }

    @Test
    void theWindowOpensBeforeTheMeetingAndClosesAfterIt() {
        ConferenceWindow window = new ConferenceWindow(Duration.ofDays(7), Duration.ofDays(1));
        Instant meeting = Instant.parse("2026-12-10T10:00:00Z");

        assertFalse(window.contains(meeting, Instant.parse("2026-12-03T09:59:59Z")));
        assertTrue(window.contains(meeting, Instant.parse("2026-12-03T10:00:00Z")));
        assertTrue(window.contains(meeting, Instant.parse("2026-12-11T09:59:59Z")));
        assertFalse(window.contains(meeting, Instant.parse("2026-12-11T10:00:00Z")));
    }

    @Test
    void aConferenceAgreementNeedsItsWindow() {
        assertEquals("conference.yaml:9: an agreement to: conference needs 'opensBefore' and 'closesAfter'"
                + " (ISO-8601 durations)", failure(without(16)).getMessage());
    }

    @Test
    void aWindowIsOnlyForAConferenceAgreement() {
        PolicyException e = failure(replacing(11, "    to: prisons"));

        assertEquals("conference.yaml:9: 'opensBefore' is only for an agreement to: conference", e.getMessage());
    }

    @Test
    void aBadDurationIsRejectedAtItsLine() {
        PolicyException e = failure(replacing(15, "    opensBefore: a week"));

        assertEquals(15, e.line());
    }

    @Test
    void aConferenceAgreementCannotLetInboxesReceiveOrSubscribers() {
        List<String> lines = new ArrayList<>(CONFERENCE);
        lines.add("    actions: [read, receive]");

        assertTrue(failure(lines).getMessage().contains("a conference agreement grants read only, on a statutory basis"));
    }

    @Test
    void aConferenceAgreementNeverRestsOnConsent() {
        assertTrue(failure(replacing(17, "    legalBasis: consent")).getMessage()
                .contains("a conference agreement grants read only, on a statutory basis"));
    }
}
