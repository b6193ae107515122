package org.interlock.gateway.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.interlock.testing.TopicWriter;

/** Agency events, organisations and consents written straight to their topics, as the services would. */
final class ExchangeFixtures {

    private ExchangeFixtures() {
    }

    static void organisation(String id, String status, String verb) {
        TopicWriter.send("interlock.partners.events", "urn:interlock:organisation:" + id, """
                {"id":"%s","name":"%s","kind":"MENTORING","status":"%s"}""".formatted(id, id, status),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.organisation." + verb + ".v1", "/agencies/partners",
                        "urn:interlock:organisation:" + id, "partner.organisation", "official"));
    }

    /** A release date set in prison; returns the event id. */
    static String releaseDateSet(String person, String episode) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.events", person, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","releaseDate":"2026-12-01","releasedOn":null}""".formatted(episode, person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                        "/agencies/prisons", person, "custody.release", "official-sensitive"));
        return id;
    }

    /** An intelligence report under handling code C: it never leaves intelligence. */
    static String restrictedReport(String person) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new java.util.HashMap<>(TopicWriter.cloudEventHeaders(id,
                "org.interlock.intelligence.report.filed.v1", "/agencies/intelligence", person, "intel.report",
                "secret"));
        headers.put("ce_handling", "C");
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","summary":"restricted"}""".formatted(UUID.randomUUID(), person), headers);
        return id;
    }

    /** A consent, as the partners service mirrors it on interlock.consents; returns its id. */
    static String consent(String person, String organisation) {
        String id = UUID.randomUUID().toString();
        consentState(id, person, organisation, "ACTIVE");
        return id;
    }

    static void consentState(String id, String person, String organisation, String status) {
        TopicWriter.send("interlock.consents", id, """
                {"id":"%s","person":"%s","organisation":"%s","categories":["custody.release","licence.*"],
                 "purposes":["resettlement"],"validFrom":"%s","validUntil":"%s","obtainedHow":"WRITTEN",
                 "obtainedBy":"mia.mentor","obtainedOn":"%s","status":"%s","withdrawnOn":null,"active":%s}"""
                .formatted(id, person, organisation, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                        LocalDate.now().minusDays(1), status, "ACTIVE".equals(status)),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.partners.consent.granted.v1",
                        "/agencies/partners", person, "consent", "official"));
    }

    /** The partners service's withdrawal event (its consent state follows on interlock.consents). */
    static void withdrawn(String consent, String person, String organisation) {
        TopicWriter.send("interlock.partners.events", person, """
                {"id":"%s","person":"%s","organisation":"%s","status":"WITHDRAWN"}"""
                .formatted(consent, person, organisation),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.partners.consent.withdrawn.v1",
                        "/agencies/partners", person, "consent", "official"));
        consentState(consent, person, organisation, "WITHDRAWN");
    }

    static void erasureConfirmed(String notice, String consent, String person, String organisation, List<String> events) {
        TopicWriter.send("interlock.partners.events", person, """
                {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","erased":%d,"events":%s}"""
                .formatted(notice, organisation, consent, person, events.size(),
                        events.stream().map(e -> "\"" + e + "\"").toList()),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.erasure.confirmed.v1", "/agencies/partners", person,
                        "partner.erasure", "official"));
    }
}
