package org.interlock.gateway.disclosure;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;

/**
 * Records of the kinds the services' catalogues give a single category, each about a new person,
 * with the event type that carries the same facts; and the sentinel that follows each case's event.
 */
final class AgencyRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgencyRecords() {
    }

    static AgencyRecord incident() {
        String id = id();
        return new AgencyRecord(Agency.PRISONS, "org.interlock.prisons.incident.recorded.v1", "custody.incident",
                "official-sensitive", null, data("""
                        {"id":"%s","person":"%s","kind":"ASSAULT_ON_STAFF","occurredOn":"2026-10-02",
                         "establishment":"HMP Frankland","summary":"Officer struck during unlock"}""", id),
                id(), "incidents/" + id, false);
    }

    static AgencyRecord riskAssessment() {
        ObjectNode data = data("""
                {"id":"%s","person":"%s","assessedOn":"2026-09-14","assessor":"olivia.prison","engagement":"HIGH",
                 "intent":"MODERATE","capability":"LOW","overall":"MODERATE","rationale":"Engages with extremist material"}""",
                id());
        return new AgencyRecord(Agency.PRISONS, "org.interlock.prisons.risk-assessment.recorded.v1", "risk.assessment",
                "official-sensitive", null, data, id(), "risk-assessments?person=" + data.path("person").asText(), true);
    }

    /** A reassessment: its changes repeat the ratings that moved since the previous one. */
    static AgencyRecord reassessment() {
        AgencyRecord first = riskAssessment();
        ObjectNode data = first.data().deepCopy();
        data.putArray("changes").addObject().put("domain", "engagement").put("from", "MODERATE").put("to", "HIGH");
        return new AgencyRecord(first.origin(), first.type(), first.category(), first.classification(),
                first.handling(), data, first.eventId(), first.path(), first.listed());
    }

    /** Who in {@code agency} is allocated to the person (never one of the readers: caseloads stay out of it). */
    static AgencyRecord allocation(Agency agency) {
        String id = id();
        String role = switch (agency) {
            case PRISONS -> "OFFENDER_MANAGER";
            case PROBATION -> "PROBATION_PRACTITIONER";
            case INTELLIGENCE -> "INTELLIGENCE_OFFICER";
            case PARTNERS -> "PARTNER_CASEWORKER";
        };
        return new AgencyRecord(agency, "org.interlock." + agency.id() + ".allocation.started.v1", "allocation",
                "official", null, data("""
                        {"id":"%s","person":"%s","staff":"case.worker","role":"%s","startsOn":"2026-01-05","endsOn":null}""",
                        id, role), id(), "allocations/" + id, false);
    }

    /** A report without a sanitised summary: it holds the report's facts only. */
    static AgencyRecord report(String handling) {
        String id = id();
        return new AgencyRecord(Agency.INTELLIGENCE, "org.interlock.intelligence.report.filed.v1", "intel.report",
                "secret", handling, data("""
                        {"id":"%s","person":"%s","sourceEvaluation":2,"intelligenceAssessment":"B","handlingCode":"%s",
                         "handlingConditions":%s,"content":"Plans to meet associates on release","reportedOn":"2026-11-01"}""",
                        id, handling, "C".equals(handling) ? "\"named handlers only\"" : "null"),
                id(), "reports/" + id, false);
    }

    static AgencyRecord threatFlag() {
        String id = id();
        return new AgencyRecord(Agency.INTELLIGENCE, "org.interlock.intelligence.threat-flag.raised.v1", "intel.threat",
                "secret", null, data("""
                        {"id":"%s","person":"%s","kind":"ATTACK_PLANNING","raisedOn":"2026-11-02","clearedOn":null}""", id),
                id(), "threat-flags/" + id, false);
    }

    static AgencyRecord activity() {
        ObjectNode data = data("""
                {"id":"%s","person":"%s","organisation":"faith-bridge","kind":"MENTORING_SESSION","occurredOn":"2026-11-03",
                 "reportedBy":"fred.faith","notes":"Discussed housing"}""", id());
        return new AgencyRecord(Agency.PARTNERS, "org.interlock.partners.activity.reported.v1", "partner.activity",
                "official", null, data, id(), "activities?person=" + data.path("person").asText(), true);
    }

    static AgencyRecord concern() {
        ObjectNode data = data("""
                {"id":"%s","person":"%s","organisation":"faith-bridge","kind":"CONCERN_RAISED","occurredOn":"2026-11-04",
                 "reportedBy":"fred.faith","notes":"Talked of getting even with a former partner"}""", id());
        return new AgencyRecord(Agency.PARTNERS, "org.interlock.partners.activity.concern-raised.v1", "partner.concern",
                "official-sensitive", null, data, id(), "activities?person=" + data.path("person").asText(), true);
    }

    /** A consent as the partners service holds it: a record of its own (category consent), not the consent state. */
    static AgencyRecord consentRecord() {
        String id = id();
        return new AgencyRecord(Agency.PARTNERS, "org.interlock.partners.consent.granted.v1", "consent", "official",
                null, data("""
                        {"id":"%s","person":"%s","organisation":"faith-bridge","categories":["partner.activity"],
                         "purposes":["resettlement"],"validFrom":"2026-11-01","validUntil":"2027-11-01","obtainedHow":"WRITTEN",
                         "obtainedBy":"fred.faith","obtainedOn":"2026-11-01","status":"ACTIVE","withdrawnOn":null,"active":true}""",
                        id), id(), "consents/" + id, false);
    }

    static AgencyRecord licenceCondition() {
        String caseId = id();
        return new AgencyRecord(Agency.PROBATION, "org.interlock.probation.licence-condition.imposed.v1",
                "licence.conditions", "official-sensitive", null, data("""
                        {"id":"%s","person":"%s","caseId":"%s","kind":"EXCLUSION_ZONE",
                         "details":"Must not enter the Meadowell estate","startsOn":"2026-12-01","endsOn":"2027-12-01"}""",
                        id(), caseId), id(), "supervision-cases/" + caseId + "/licence-conditions", true);
    }

    static AgencyRecord appointment() {
        String caseId = id();
        return new AgencyRecord(Agency.PROBATION, "org.interlock.probation.appointment.recorded.v1",
                "supervision.appointment", "official", null, data("""
                        {"id":"%s","person":"%s","caseId":"%s","dueAt":"2026-12-10T10:00:00Z","outcome":null}""",
                        id(), caseId), id(), "supervision-cases/" + caseId + "/appointments", true);
    }

    /** A supervision case with no MAPPA level and not recalled: it holds the case's facts only. */
    static AgencyRecord supervisionCase() {
        String id = id();
        return new AgencyRecord(Agency.PROBATION, "org.interlock.probation.supervision-case.opened.v1",
                "supervision.case", "official-sensitive", null, data("""
                        {"id":"%s","person":"%s","caseReference":"PR-2026-0415","basis":"LICENCE","status":"ACTIVE",
                         "openedOn":"2026-12-01","closedOn":null}""", id), id(), "supervision-cases/" + id, false);
    }

    /**
     * The sentinel that follows a case's event: about the same person, on the same topic (so the
     * same partition, decided after it), of a category every reader receives from that origin
     * (see the sentinel agreements of the test's policy). Only its event is used.
     */
    static AgencyRecord sentinelAfter(AgencyRecord event) {
        String person = event.person();
        return switch (event.origin()) {
            case PRISONS -> new AgencyRecord(Agency.PRISONS, "org.interlock.prisons.custody.transferred.v1",
                    "custody.transfer", "official-sensitive", null, about(person, """
                            {"id":"%s","person":"%s","establishment":"HMP Wakefield","transferredOn":"2026-11-20"}"""),
                    id(), null, false);
            case INTELLIGENCE -> new AgencyRecord(Agency.INTELLIGENCE,
                    "org.interlock.intelligence.sanitised-summary.released.v1", "intel.summary", "official-sensitive", "P",
                    about(person, """
                            {"id":"%s","person":"%s","sanitisedSummary":"Associates with known extremists",
                             "reportedOn":"2026-11-01"}"""), id(), null, false);
            case PROBATION -> new AgencyRecord(Agency.PROBATION,
                    "org.interlock.probation.supervision-case.breach-recorded.v1", "supervision.breach",
                    "official-sensitive", null, about(person, """
                            {"id":"%s","person":"%s","reportedOn":"2026-11-21","description":"Missed appointment"}"""),
                    id(), null, false);
            case PARTNERS -> new AgencyRecord(Agency.PARTNERS, "org.interlock.partners.allocation.started.v1",
                    "allocation", "official", null, about(person, """
                            {"id":"%s","person":"%s","staff":"case.worker","role":"PARTNER_CASEWORKER",
                             "startsOn":"2026-01-05","endsOn":null}"""), id(), null, false);
        };
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** The record's JSON about a new person: {@code template}'s first two placeholders are id and person. */
    private static ObjectNode data(String template, Object id, Object... rest) {
        Object[] values = new Object[rest.length + 2];
        values[0] = id;
        values[1] = PersonReference.random();
        System.arraycopy(rest, 0, values, 2, rest.length);
        return parse(template.formatted(values));
    }

    private static ObjectNode about(String person, String template) {
        return parse(template.formatted(id(), person));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test record: " + json, e);
        }
    }
}
