package org.interlock.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agency events, organisations and consents written straight to their topics, as the services
 * would publish them (binary-mode CloudEvents whose type, category and handling code agree with the
 * services' catalogues), for tests of the gateway without the services.
 */
public final class AgencyTopics {

    public static final String PARTNERS_EVENTS = "interlock.partners.events";

    private AgencyTopics() {
    }

    /** A partner organisation's registration ({@code verb} registered) or change of status (suspended, reinstated). */
    public static void organisation(String id, String status, String verb) {
        String subject = "urn:interlock:organisation:" + id;
        TopicWriter.send(PARTNERS_EVENTS, subject, """
                {"id":"%s","name":"%s","kind":"MENTORING","status":"%s"}""".formatted(id, id, status),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.organisation." + verb + ".v1", "/agencies/partners", subject,
                        "partner.organisation", "official"));
    }

    /** The demo organisations, registered and active. */
    public static void demoOrganisations() {
        organisation("horizon-mentoring", "ACTIVE", "registered");
        organisation("faith-bridge", "ACTIVE", "registered");
    }

    /** A member of staff allocated to a person in an agency; returns the allocation's id. */
    public static String allocation(String agency, String staff, String person) {
        String id = UUID.randomUUID().toString();
        String role = switch (agency) {
            case "prisons" -> "OFFENDER_MANAGER";
            case "probation" -> "PROBATION_PRACTITIONER";
            case "intelligence" -> "INTELLIGENCE_OFFICER";
            default -> "PARTNER_CASEWORKER";
        };
        TopicWriter.send("interlock." + agency + ".events", person, """
                {"id":"%s","person":"%s","staff":"%s","role":"%s","startsOn":"2026-01-01","endsOn":null,
                 "allocatedBy":"tess.tester"}"""
                .formatted(id, person, staff, role),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock." + agency + ".allocation.started.v1", "/agencies/" + agency, person,
                        "allocation", "official"));
        return id;
    }

    /** A release date set in prison, with the episode's other facts that a release event must not carry; returns the event id. */
    public static String releaseDateSet(String person, String episode) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send("interlock.prisons.events", person, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","releaseDate":"2026-12-01","releasedOn":null}""".formatted(episode, person),
                TopicWriter.cloudEventHeaders(id, "org.interlock.prisons.custody.release-date-set.v1",
                        "/agencies/prisons", person, "custody.release", "official-sensitive"));
        return id;
    }

    /** An intelligence report under a handling code (P: may be disseminated; C: never leaves); returns the event id. */
    public static String report(String person, String handling) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id,
                "org.interlock.intelligence.report.filed.v1", "/agencies/intelligence", person, "intel.report",
                "secret"));
        headers.put("ce_handling", handling);
        TopicWriter.send("interlock.intelligence.events", person, """
                {"id":"%s","person":"%s","sourceEvaluation":2,"intelligenceAssessment":"B","handlingCode":"%s",
                 "handlingConditions":%s,"content":"restricted content","reportedOn":"2026-11-01"}"""
                .formatted(UUID.randomUUID(), person, handling, "C".equals(handling) ? "\"named handlers only\"" : "null"),
                headers);
        return id;
    }

    /** A consent, as the partners service mirrors it on interlock.consents; returns its id. */
    public static String consent(String person, String organisation) {
        String id = UUID.randomUUID().toString();
        consentState(id, person, organisation, "ACTIVE");
        return id;
    }

    public static void consentState(String id, String person, String organisation, String status) {
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
    public static void withdrawn(String consent, String person, String organisation) {
        TopicWriter.send(PARTNERS_EVENTS, person, """
                {"id":"%s","person":"%s","organisation":"%s","status":"WITHDRAWN"}"""
                .formatted(consent, person, organisation),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(), "org.interlock.partners.consent.withdrawn.v1",
                        "/agencies/partners", person, "consent", "official"));
        consentState(consent, person, organisation, "WITHDRAWN");
    }

    public static void erasureConfirmed(String notice, String consent, String person, String organisation,
            List<String> events) {
        TopicWriter.send(PARTNERS_EVENTS, person, """
                {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","erased":%d,"events":%s}"""
                .formatted(notice, organisation, consent, person, events.size(),
                        events.stream().map(e -> "\"" + e + "\"").toList()),
                TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                        "org.interlock.partners.erasure.confirmed.v1", "/agencies/partners", person,
                        "partner.erasure", "official"));
    }
}
