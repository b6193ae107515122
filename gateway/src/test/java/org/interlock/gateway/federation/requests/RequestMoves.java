package org.interlock.gateway.federation.requests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.envelope.InformationRequest;
import org.interlock.federation.envelope.Urgency;
import org.interlock.gateway.federation.FederationKeys;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;

/**
 * The moves of a request for information between "home" (this gateway) and peer "nl": an officer asks, nl asks
 * (signed, posted to the peer interface), the single point of contact answers, nl answers; and what they leave.
 */
final class RequestMoves {

    static final String REQUESTS = "/federation/v1/requests";

    static final String ENVELOPES = "/federation/v1/envelopes";

    static final String PERSON = "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61";

    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");

    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");

    static final String SPOC = TestTokens.person("ian.intel", "intelligence", null, "secret",
            "intelligence-officer", "federation-spoc");

    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> form(String justification) {
        return Map.of("peer", "nl", "person", PERSON, "purpose", "public-protection", "urgency", "urgent",
                "justification", justification, "categories", List.of("intel.summary"),
                "questions", List.of("Did the person travel in 2026?"));
    }

    static Response ask(String token, Object form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form).post(REQUESTS);
    }

    static long stored() {
        return RequestAudit.count("SELECT count(*) FROM federation.requests");
    }

    static long queued() {
        return RequestAudit.count("SELECT count(*) FROM federation.outbox");
    }

    static void assertValidationProblem(Response answer, String field) {
        assertEquals(422, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:validation-failed", answer.jsonPath().getString("type"));
        assertEquals(field, answer.jsonPath().getString("errors[0].field"));
    }

    /** nl's request, signed by nl and posted to this gateway's peer interface; returns the receipt's sequence. */
    static long receiveFromNl(String requestId, Urgency urgency, long sequence) {
        ObjectNode event = eventFromNl(EnvelopeTypes.REQUEST);
        ObjectNode data = event.putObject("data");
        data.putArray("categories").add("intel.summary").add("intel.threat").add("custody.reception");
        EnvelopeContent content = new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION,
                Optional.of(new InformationRequest(requestId, "public-protection", urgency,
                        "A returning fighter is expected at the border")));
        Response receipt = post(FederationKeys.signer("nl", FederationKeys.NL).sign(content, sequence).compact());
        assertEquals(200, receipt.statusCode(), receipt.asString());
        return receipt.jsonPath().getLong("receipt");
    }

    /** A request of nl's, urgent, received here: its id at nl and its id here. */
    record Incoming(String requestId, String id) {
    }

    static Incoming urgentRequestFromNl() {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        return new Incoming(requestId, incomingId(requestId));
    }

    private static ObjectNode eventFromNl(String type) {
        return JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/nl")
                .put("type", type)
                .put("subject", PERSON)
                .put("time", Instant.now().toString());
    }

    static Response post(String compact) {
        return given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post(ENVELOPES);
    }

    static String incomingId(String requestId) {
        return TestDatabase.text(GatewayResource.DATABASE,
                "SELECT id::text FROM federation.requests WHERE direction = 'incoming' AND peer = 'nl'"
                + " AND request_id = '" + requestId + "'");
    }

    static Map<String, Object> summaryPart() {
        return Map.of("agency", "intelligence", "category", "intel.summary", "content", Map.of(
                "id", "5a0c1c7e-1d9b-4f7c-9a57-3f1f8b9f2b11", "person", PERSON,
                "sanitisedSummary", "Known to have travelled", "reportedOn", "2026-11-30",
                "sourceName", "never leaves: not a field of the category"));
    }

    static Response answer(String token, String id, Object form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form)
                .post(REQUESTS + "/" + id + "/answer");
    }

    static EnvelopeContent answerFromNl(String requestId) {
        ObjectNode event = eventFromNl(EnvelopeTypes.ANSWER);
        ObjectNode data = event.putObject("data").put("requestId", requestId).put("outcome", "partly-answered");
        data.putArray("released");
        data.putArray("refused").addObject().put("reason", "ongoing-investigation");
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private RequestMoves() {
    }
}
