package org.interlock.gateway.federation.requests;

import static io.restassured.RestAssured.given;
import static org.interlock.gateway.federation.requests.RequestMoves.PERSON;
import static org.interlock.gateway.federation.requests.RequestMoves.PETER;
import static org.interlock.gateway.federation.requests.RequestMoves.REQUESTS;
import static org.interlock.gateway.federation.requests.RequestMoves.SPOC;
import static org.interlock.gateway.federation.requests.RequestMoves.answer;
import static org.interlock.gateway.federation.requests.RequestMoves.assertValidationProblem;
import static org.interlock.gateway.federation.requests.RequestMoves.fieldNames;
import static org.interlock.gateway.federation.requests.RequestMoves.incomingId;
import static org.interlock.gateway.federation.requests.RequestMoves.queued;
import static org.interlock.gateway.federation.requests.RequestMoves.receiveFromNl;
import static org.interlock.gateway.federation.requests.RequestMoves.stored;
import static org.interlock.gateway.federation.requests.RequestMoves.summaryPart;
import static org.interlock.gateway.federation.requests.RequestMoves.urgentRequestFromNl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.envelope.Urgency;
import org.interlock.gateway.federation.FederationKeys;
import org.interlock.gateway.federation.FederationProfile;
import org.interlock.gateway.federation.requests.RequestMoves.Incoming;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.Test;

/**
 * A request from peer "nl", as this side's single point of contact sees and answers it: stored with its deadline
 * and both sides' sequences; the answer decided part by part by the disclosure point and queued as an answer
 * envelope; only the contact answers, with its own agency's information, within the refusal codes; an overdue
 * request is escalated once and stays answerable.
 */
@QuarkusTest
@TestProfile(RequestsProfile.class)
@QuarkusTestResource(GatewayResource.class)
class RequestAnsweringTest {

    private static final String SECRET_TEXT = "the custody episode says more";

    @Inject
    OverdueRequests overdue;

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
        String id = urgentRequestFromNl().id();
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
    void anAnswerLargerThanAnEnvelopeMayBeIsRefusedAndNothingIsQueued() {
        String id = urgentRequestFromNl().id();
        long envelopes = queued();
        Map<String, Object> large = Map.of("agency", "intelligence", "category", "intel.summary", "content", Map.of(
                "id", "5a0c1c7e-1d9b-4f7c-9a57-3f1f8b9f2b11", "person", PERSON, "reportedOn", "2026-11-30",
                "sanitisedSummary", "x".repeat(FederationProfile.MAX_ENVELOPE_BYTES)));

        Response answered = answer(SPOC, id, Map.of("outcome", "answered", "released", List.of(large)));

        assertEquals(413, answered.statusCode(), answered.asString());
        assertEquals(envelopes, queued(), "an envelope the peer would refuse for ever is not queued to block the rest");
        assertEquals("received", RequestAudit.column("state", id));
    }

    @Test
    void aSingleContactAnswersWithItsOwnAgencysInformationOnly() {
        String id = urgentRequestFromNl().id();
        long envelopes = queued();
        Map<String, Object> custody = Map.of("agency", "prisons", "category", "custody.reception", "content",
                Map.of("id", "8d2b1c7e-1d9b-4f7c-9a57-3f1f8b9f2b12", "person", PERSON, "establishment", SECRET_TEXT));

        Response answered = answer(SPOC, id, Map.of("outcome", "answered", "released", List.of(custody)));

        assertEquals(422, answered.statusCode(), answered.asString());
        assertEquals(envelopes, queued());
    }

    @Test
    void onlyTheSingleContactAnswersOrSeesIncomingRequests() {
        String id = urgentRequestFromNl().id();
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
        String id = urgentRequestFromNl().id();
        long envelopes = queued();

        assertValidationProblem(answer(SPOC, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "because")))), "refused");
        assertValidationProblem(answer(SPOC, id, Map.of("outcome", "refused",
                "refused", List.of(Map.of("reason", "not-permitted")))), "refused");

        assertEquals(envelopes, queued());
    }

    @Test
    void anOverdueRequestIsEscalatedOnceAndStaysAnswerable() throws Exception {
        Incoming incoming = urgentRequestFromNl();
        String requestId = incoming.requestId();
        String id = incoming.id();
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
}
