package org.interlock.gateway.federation.requests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.envelope.InformationRequest;
import org.interlock.federation.envelope.Urgency;
import org.interlock.gateway.federation.FederationKeys;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Requests for information between "home" (this gateway) and peer "nl": an officer's request is checked, stored
 * and queued as a request envelope; nl's request is stored for the single point of contact with its deadline; the
 * answer is decided part by part by the disclosure point and queued as an answer envelope; nl's answer moves the
 * officer's request on; a request unanswered by its deadline is escalated once and stays answerable.
 */
@QuarkusTest
@TestProfile(RequestsProfile.class)
@QuarkusTestResource(GatewayResource.class)
class RequestsForInformationTest {

    private static final String REQUESTS = "/federation/v1/requests";
    private static final String ENVELOPES = "/federation/v1/envelopes";
    private static final String PERSON = "urn:interlock:person:0b7e6a52-8f0e-4f6e-a1d2-5c3f9e8d7a61";
    private static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    private static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");
    private static final String SPOC = TestTokens.person("ian.intel", "intelligence", null, "secret",
            "intelligence-officer", "federation-spoc");
    private static final String SECRET_TEXT = "the custody episode says more";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OverdueRequests overdue;

    private static Map<String, Object> form(String justification) {
        return Map.of("peer", "nl", "person", PERSON, "purpose", "public-protection", "urgency", "urgent",
                "justification", justification, "categories", List.of("intel.summary"),
                "questions", List.of("Did the person travel in 2026?"));
    }

    private static Response ask(String token, Object form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form).post(REQUESTS);
    }

    private static long stored() {
        return RequestAudit.count("SELECT count(*) FROM federation.requests");
    }

    private static long queued() {
        return RequestAudit.count("SELECT count(*) FROM federation.outbox");
    }

    private static void assertValidationProblem(Response answer, String field) {
        assertEquals(422, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:interlock:problem:validation-failed", answer.jsonPath().getString("type"));
        assertEquals(field, answer.jsonPath().getString("errors[0].field"));
    }

    /** nl's request, signed by nl and posted to this gateway's peer interface; returns the receipt's sequence. */
    private static long receiveFromNl(String requestId, Urgency urgency, long sequence) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/nl")
                .put("type", EnvelopeTypes.REQUEST)
                .put("subject", PERSON)
                .put("time", Instant.now().toString());
        ObjectNode data = event.putObject("data");
        data.putArray("categories").add("intel.summary").add("intel.threat").add("custody.reception");
        EnvelopeContent content = new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION,
                Optional.of(new InformationRequest(requestId, "public-protection", urgency,
                        "A returning fighter is expected at the border")));
        Response receipt = post(FederationKeys.signer("nl", FederationKeys.NL).sign(content, sequence).compact());
        assertEquals(200, receipt.statusCode(), receipt.asString());
        return receipt.jsonPath().getLong("receipt");
    }

    private static Response post(String compact) {
        return given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post(ENVELOPES);
    }

    private static String incomingId(String requestId) {
        return TestDatabase.text(GatewayResource.DATABASE,
                "SELECT id::text FROM federation.requests WHERE direction = 'incoming' AND peer = 'nl'"
                + " AND request_id = '" + requestId + "'");
    }

    private static Map<String, Object> summaryPart() {
        return Map.of("agency", "intelligence", "category", "intel.summary", "content", Map.of(
                "id", "5a0c1c7e-1d9b-4f7c-9a57-3f1f8b9f2b11", "person", PERSON,
                "sanitisedSummary", "Known to have travelled", "reportedOn", "2026-11-30",
                "sourceName", "never leaves: not a field of the category"));
    }

    private static Response answer(String token, String id, Object form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form)
                .post(REQUESTS + "/" + id + "/answer");
    }

    @Test
    void aRequestWithoutJustificationIsAProblemAndNothingIsStoredOrQueued() {
        long requests = stored();
        long envelopes = queued();

        assertValidationProblem(ask(PETER, form("   ")), "justification");
        assertValidationProblem(ask(PETER, Map.of("peer", "nl", "person", PERSON, "purpose", "public-protection",
                "urgency", "urgent", "categories", List.of("intel.summary"))), "justification");

        assertEquals(requests, stored());
        assertEquals(envelopes, queued());
    }

    @Test
    void aRequestToAnUnknownPeerOrForAnUnknownPurposeIsAProblemAndNothingIsQueued() {
        long envelopes = queued();
        Map<String, Object> toBe = new HashMap<>(form("Needed for the risk assessment"));
        toBe.put("peer", "be");
        Map<String, Object> forGossip = new HashMap<>(form("Needed for the risk assessment"));
        forGossip.put("purpose", "curiosity");

        assertValidationProblem(ask(PETER, toBe), "peer");
        assertValidationProblem(ask(PETER, forGossip), "purpose");

        assertEquals(envelopes, queued());
    }

    @Test
    void anOfficersRequestIsQueuedAsARequestEnvelopeAndListedForTheirAgency() {
        Response sent = ask(PETER, form("Needed for the risk assessment before release"));

        assertEquals(201, sent.statusCode(), sent.asString());
        assertEquals("sent", sent.jsonPath().getString("state"));
        String requestId = sent.jsonPath().getString("requestId");
        long seq = sent.jsonPath().getLong("ownSequence");
        JsonNode payload = RequestAudit.queued(seq);
        assertEquals(EnvelopeTypes.REQUEST, payload.path("event").path("type").asText());
        assertEquals(PERSON, payload.path("event").path("subject").asText());
        assertEquals(JSON.createObjectNode().put("id", requestId).put("purpose", "public-protection")
                .put("urgency", "urgent").put("justification", "Needed for the risk assessment before release"),
                payload.path("request"));
        assertEquals("[\"intel.summary\"]", payload.path("event").path("data").path("categories").toString());
        AuditRecord sending = RequestAudit.record(seq);
        assertEquals(Action.SEND_ENVELOPE, sending.action());
        assertEquals("peter.probation", sending.actor().subject());
        assertEquals(requestId, sending.requestId());
        assertEquals(PERSON, sending.resource().person());
        Instant created = Instant.parse(sent.jsonPath().getString("createdAt"));
        assertEquals(created.plus(Duration.ofHours(8)), Instant.parse(sent.jsonPath().getString("deadline")));

        List<String> probation = given().auth().oauth2(PETER).get(REQUESTS + "?direction=outgoing")
                .jsonPath().getList("requests.requestId");
        List<String> prisons = given().auth().oauth2(OLIVIA).get(REQUESTS + "?direction=outgoing")
                .jsonPath().getList("requests.requestId");
        assertTrue(probation.contains(requestId));
        assertFalse(prisons.contains(requestId), "another agency's officers do not see it");
    }

    @Test
    void aPeersRequestIsStoredForTheSingleContactWithItsDeadlineAndBothSequences() {
        String requestId = UUID.randomUUID().toString();
        long sequence = FederationKeys.nextSequence();

        long receipt = receiveFromNl(requestId, Urgency.NOT_URGENT, sequence);

        String id = incomingId(requestId);
        assertEquals("received", RequestAudit.column("state", id));
        assertEquals(Long.toString(sequence), RequestAudit.column("peer_sequence", id));
        assertEquals(Long.toString(receipt), RequestAudit.column("own_sequence", id));
        assertEquals(Duration.ofDays(7).toSeconds(), RequestAudit.count("SELECT extract(epoch FROM deadline"
                + " - created_at)::bigint FROM federation.requests WHERE id = '" + id + "'"));
        AuditRecord receiptRecord = RequestAudit.record(receipt);
        assertEquals(requestId, receiptRecord.requestId(), "the receipt names the requester's request id");
        assertEquals(Long.toString(sequence), receiptRecord.resource().id(), "and the requester's sequence");
        List<Map<String, Object>> incoming = given().auth().oauth2(SPOC).get(REQUESTS + "?direction=incoming")
                .jsonPath().getList("requests");
        assertTrue(incoming.stream().anyMatch(r -> id.equals(r.get("id")) && "received".equals(r.get("state"))));
    }

    @Test
    void theSingleContactsPartialAnswerWithCodesIsQueuedAsAnAnswerEnvelope() {
        String requestId = UUID.randomUUID().toString();
        long requestSequence = FederationKeys.nextSequence();
        receiveFromNl(requestId, Urgency.URGENT, requestSequence);
        String id = incomingId(requestId);
        long mark = RequestAudit.mark();

        Response answered = answer(SPOC, id, Map.of("outcome", "partly-answered",
                "released", List.of(summaryPart()),
                "refused", List.of(Map.of("category", "intel.threat", "reason", "national-security")),
                "conditions", Map.of("disseminateTo", List.of("probation", "prisons"),
                        "requiresOriginatorPermission", false, "expiresAt", "2036-01-01T00:00:00Z")));

        assertEquals(200, answered.statusCode(), answered.asString());
        assertEquals("partly-answered", answered.jsonPath().getString("outcome"));
        assertEquals(List.of("intel.summary"), answered.jsonPath().getList("released"));
        assertEquals(List.of(Map.of("category", "intel.threat", "reason", "national-security")),
                answered.jsonPath().getList("refused"));
        long seq = answered.jsonPath().getLong("sequence");
        JsonNode payload = RequestAudit.queued(seq);
        JsonNode data = payload.path("event").path("data");
        assertEquals(EnvelopeTypes.ANSWER, payload.path("event").path("type").asText());
        assertEquals(PERSON, payload.path("event").path("subject").asText());
        assertEquals(requestId, data.path("requestId").asText());
        assertEquals("partly-answered", data.path("outcome").asText());
        assertEquals(Set.of("id", "person", "sanitisedSummary", "reportedOn"),
                fieldNames(data.path("released").get(0).path("content")), "only the category's fields leave");
        assertEquals("national-security", data.path("refused").get(0).path("reason").asText());
        // Narrowed by the agreement that released the summary: prisons is not among its onwardTo, and it keeps 30 days.
        assertEquals("[\"probation\"]", payload.path("conditions").path("disseminateTo").toString());
        assertTrue(Instant.parse(payload.path("conditions").path("expiresAt").asText())
                .isBefore(Instant.now().plus(Duration.ofDays(31))), "the agreement's keepFor, not the contact's 2036");
        assertEquals("partly-answered", RequestAudit.column("state", id));
        List<AuditRecord> decisions = RequestAudit.since(mark, "ANSWER_REQUEST");
        assertEquals(1, decisions.size());
        assertEquals(Decision.permit("agreement"), decisions.getFirst().decision());
        assertEquals("test-summaries-to-nl", decisions.getFirst().agreement());
        assertEquals(requestId, decisions.getFirst().requestId());
        assertEquals(Long.toString(requestSequence), decisions.getFirst().resource().id());
        AuditRecord sending = RequestAudit.record(seq);
        assertEquals(Action.SEND_ENVELOPE, sending.action());
        assertEquals("ian.intel", sending.actor().subject());
        assertEquals(requestId, sending.requestId());
    }

    @Test
    void aPartThePolicyDoesNotPermitIsWithheldAndNeverSent() {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        String id = incomingId(requestId);
        long mark = RequestAudit.mark();
        Map<String, Object> threat = Map.of("agency", "intelligence", "category", "intel.threat", "content",
                Map.of("id", "8d2b1c7e-1d9b-4f7c-9a57-3f1f8b9f2b12", "person", PERSON, "kind", SECRET_TEXT,
                        "raisedOn", "2026-11-01"));

        Response answered = answer(SPOC, id, Map.of("outcome", "answered",
                "released", List.of(summaryPart(), threat)));

        assertEquals(200, answered.statusCode(), answered.asString());
        assertEquals("partly-answered", answered.jsonPath().getString("outcome"));
        assertEquals(List.of(Map.of("category", "intel.threat", "reason", "not-permitted")),
                answered.jsonPath().getList("refused"));
        JsonNode payload = RequestAudit.queued(answered.jsonPath().getLong("sequence"));
        assertFalse(payload.toString().contains(SECRET_TEXT), "a withheld part is not sent");
        assertEquals(1, payload.path("event").path("data").path("released").size());
        assertEquals("not-permitted", payload.path("event").path("data").path("refused").get(0).path("reason")
                .asText());
        List<AuditRecord> decisions = RequestAudit.since(mark, "ANSWER_REQUEST");
        assertEquals(List.of("intel.summary", "intel.threat"),
                decisions.stream().map(r -> r.resource().category()).toList());
        assertEquals(Decision.Outcome.DENY, decisions.get(1).decision().outcome());
    }

    @Test
    void aSingleContactAnswersWithItsOwnAgencysInformationOnly() {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        String id = incomingId(requestId);
        long envelopes = queued();
        Map<String, Object> custody = Map.of("agency", "prisons", "category", "custody.reception", "content",
                Map.of("id", "8d2b1c7e-1d9b-4f7c-9a57-3f1f8b9f2b12", "person", PERSON, "establishment", SECRET_TEXT));

        Response answered = answer(SPOC, id, Map.of("outcome", "answered", "released", List.of(custody)));

        assertEquals(422, answered.statusCode(), answered.asString());
        assertEquals(envelopes, queued());
    }

    @Test
    void onlyTheSingleContactAnswersOrSeesIncomingRequests() {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        String id = incomingId(requestId);
        long envelopes = queued();

        Response refused = answer(PETER, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "not-available"))));
        Response listed = given().auth().oauth2(PETER).get(REQUESTS + "?direction=incoming");

        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("urn:interlock:problem:forbidden", refused.jsonPath().getString("type"));
        assertEquals(403, listed.statusCode(), listed.asString());
        assertEquals(envelopes, queued());
        assertEquals("received", RequestAudit.column("state", id));
    }

    @Test
    void aRefusalCodeOutsideTheListOrThePolicysOwnIsAProblem() {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        String id = incomingId(requestId);
        long envelopes = queued();

        assertValidationProblem(answer(SPOC, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "because")))), "refused");
        assertValidationProblem(answer(SPOC, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "not-permitted")))), "refused");

        assertEquals(envelopes, queued());
    }

    @Test
    void anOverdueRequestIsEscalatedOnceAndStaysAnswerable() throws Exception {
        String requestId = UUID.randomUUID().toString();
        receiveFromNl(requestId, Urgency.URGENT, FederationKeys.nextSequence());
        String id = incomingId(requestId);
        long mark = RequestAudit.mark();
        Instant afterDeadline = Instant.now().plus(Duration.ofHours(9));

        overdue.escalate(afterDeadline);
        overdue.escalate(afterDeadline);

        assertEquals("overdue", RequestAudit.column("state", id));
        List<AuditRecord> escalations = RequestAudit.since(mark, "REQUEST_OVERDUE").stream()
                .filter(r -> requestId.equals(r.requestId())).toList();
        assertEquals(1, escalations.size());
        assertEquals(id, escalations.getFirst().resource().id());
        Response answered = answer(SPOC, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "not-available"))));
        assertEquals(200, answered.statusCode(), answered.asString());
        assertEquals("refused", RequestAudit.column("state", id));
    }

    @Test
    void aPeersAnswerMovesTheOfficersRequestOnAndKeepsThePeersSequence() {
        Response sent = ask(PETER, form("Needed to plan supervision"));
        String requestId = sent.jsonPath().getString("requestId");
        String id = sent.jsonPath().getString("id");
        long sequence = FederationKeys.nextSequence();

        Response receipt = post(FederationKeys.signer("nl", FederationKeys.NL).sign(answerFromNl(requestId),
                sequence).compact());

        assertEquals(200, receipt.statusCode(), receipt.asString());
        assertEquals("partly-answered", RequestAudit.column("state", id));
        assertEquals(Long.toString(sequence), RequestAudit.column("peer_sequence", id));
        long ours = receipt.jsonPath().getLong("receipt");
        assertEquals(Long.toString(ours), RequestAudit.column("answer_sequence", id));
        assertEquals(requestId, RequestAudit.record(ours).requestId());
    }

    @Test
    void anAnswerToNoRequestOfOursIsRefusedWhole() {
        Response receipt = post(FederationKeys.signer("nl", FederationKeys.NL).sign(
                answerFromNl(UUID.randomUUID().toString()), FederationKeys.nextSequence()).compact());

        assertEquals(400, receipt.statusCode(), receipt.asString());
        assertEquals("urn:interlock:problem:federation:malformed", receipt.jsonPath().getString("type"));
    }

    private static EnvelopeContent answerFromNl(String requestId) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/nl")
                .put("type", EnvelopeTypes.ANSWER)
                .put("subject", PERSON)
                .put("time", Instant.now().toString());
        ObjectNode data = event.putObject("data").put("requestId", requestId).put("outcome", "partly-answered");
        data.putArray("released");
        data.putArray("refused").addObject().put("reason", "ongoing-investigation");
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
