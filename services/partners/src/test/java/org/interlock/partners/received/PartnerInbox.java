package org.interlock.partners.received;


import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TopicWriter;

/** Writes to the partners inbox what the gateway's exchange would, and reads back what partners holds. */
final class PartnerInbox {

    static final String TOPIC = "interlock.inbox.partners";
    static final String HORIZON = "horizon-mentoring";
    static final String FAITH = "faith-bridge";
    static final String RELEASED = "org.interlock.prisons.custody.released.v1";
    static final String CONSENT = "6f1c2a4e-2b1d-4e7a-9d55-0a3c1f0e9b21";

    private PartnerInbox() {
    }

    /** Registers the two organisations the tests route to, once per run (409 afterwards). */
    static void registerOrganisations() {
        register(HORIZON, "Horizon Mentoring", "MENTORING");
        register(FAITH, "Faith Bridge", "FAITH");
    }

    private static void register(String id, String name, String kind) {
        asGateway().contentType(ContentType.JSON).body(Map.of("id", id, "name", name, "kind", kind))
                .post("/api/v1/organisations").then().statusCode(Matchers.oneOf(201, 409));
    }

    /** The copy's id, deterministic per source event and recipient as the exchange makes it. */
    static String copyId(String sourceEventId, String organisation) {
        return UUID.nameUUIDFromBytes((sourceEventId + "|" + organisation).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The redacted data of a prisons release as a partner may receive it. */
    static String releaseData(String person) {
        return "{\"person\":\"" + person + "\",\"status\":\"RELEASED\",\"releasedOn\":\"2026-12-01\"}";
    }

    /** Routes a copy of source event {@code sourceEventId} to {@code organisation} (none: no recipient extension). */
    static String deliverCopy(String organisation, String person, String sourceEventId) {
        String id = copyId(sourceEventId, String.valueOf(organisation));
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id, RELEASED, "/agencies/prisons",
                person, "custody.release", "official"));
        if (organisation != null) {
            headers.put("ce_recipient", organisation);
        }
        headers.put("ce_sourceeventid", sourceEventId);
        headers.put("ce_agreement", "prisons-to-partners-resettlement");
        headers.put("ce_consent", CONSENT);
        headers.put("ce_policyversion", "test-1");
        TopicWriter.send(TOPIC, person, releaseData(person), headers);
        return id;
    }

    /** The gateway's erasure notice to {@code organisation}, with ce_id {@code id}; returns the notice id. */
    static String deliverNotice(String id, String organisation, String person, List<String> events) {
        String notice = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id,
                "org.interlock.gateway.erasure.requested.v1", "/interlock/gateway", person, "consent", "official"));
        headers.put("ce_recipient", organisation);
        String eventList = String.join(",", events.stream().map(e -> "\"" + e + "\"").toList());
        String data = """
                {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","reason":"consent-withdrawn","events":[%s]}"""
                .formatted(notice, organisation, CONSENT, person, eventList);
        TopicWriter.send(TOPIC, person, data, headers);
        return notice;
    }

    /** The source event ids of the copies the organisation holds about the person, oldest first. */
    static List<String> held(String organisation, String person) {
        return asGateway().get("/api/v1/received-events?organisation=" + organisation + "&person=" + person)
                .then().statusCode(200).extract().jsonPath().getList("sourceEventId", String.class);
    }

    static RequestSpecification asGateway() {
        return ServiceRequests.asGateway();
    }
}
