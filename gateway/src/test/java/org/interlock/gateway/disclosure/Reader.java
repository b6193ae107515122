package org.interlock.gateway.disclosure;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.testing.TestTokens;

/**
 * One audience on all three channels: a member of staff who reads over REST and subscribes to a
 * feed, and the inbox of their agency or organisation that the exchange delivers to.
 *
 * @param purpose   the purpose declared over REST and on the feed (the exchange tries every purpose)
 * @param recipient how the inbox's copies name their recipient ({@code ce_recipient})
 * @param witness   the recipient whose copy of a sentinel, in the same inbox, proves the exchange has
 *                  passed the case's event: the reader itself, or for a barred organisation (which
 *                  receives nothing) another organisation whose copies share its inbox and partition
 * @param barred    an organisation that receives nothing (suspended, or never registered), so that
 *                  on its feed only the sentinel's audit record can show it was decided
 */
record Reader(String username, String agency, String org, String clearance, String role, String purpose,
        String inbox, String recipient, String witness, boolean barred) {

    /** Long enough for the feed to outlive the whole table. */
    private static final long TOKEN_SECONDS = 900;

    static final Reader PROBATION = new Reader("paula.probation", "probation", null, "secret", "probation-officer",
            "public-protection", "interlock.inbox.probation", "probation", "probation", false);
    static final Reader MENTOR = partnerStaff("milo.mentor", "table-mentoring", "table-mentoring", false);
    static final Reader SUSPENDED = partnerStaff("sara.suspended", "table-suspended", "table-mentoring", true);
    static final Reader UNREGISTERED = partnerStaff("uma.unregistered", "table-unregistered", "table-mentoring", true);

    private static Reader partnerStaff(String username, String org, String witness, boolean barred) {
        return new Reader(username, "partners", org, "official", "partner-caseworker", "resettlement",
                "interlock.inbox.partners", org, witness, barred);
    }

    String token() {
        return TestTokens.sign(TestTokens.personClaims(username, agency, org, clearance, TOKEN_SECONDS, role));
    }

    /** Whether an audit record's actor is this reader, or its inbox (which has no username). */
    boolean acted(JsonNode actor) {
        String subject = actor.path("subject").asText(null);
        return agency.equals(actor.path("agency").asText(null)) && Objects.equals(org, actor.path("org").asText(null))
                && (subject == null || subject.equals(username));
    }

    @Override
    public String toString() {
        return org != null ? username + " of " + org : username;
    }
}
