package org.interlock.gateway.federation.requests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.interlock.gateway.federation.requests.RequestMoves.JSON;
import static org.interlock.gateway.federation.requests.RequestMoves.OLIVIA;
import static org.interlock.gateway.federation.requests.RequestMoves.PERSON;
import static org.interlock.gateway.federation.requests.RequestMoves.PETER;
import static org.interlock.gateway.federation.requests.RequestMoves.REQUESTS;
import static org.interlock.gateway.federation.requests.RequestMoves.answerFromNl;
import static org.interlock.gateway.federation.requests.RequestMoves.ask;
import static org.interlock.gateway.federation.requests.RequestMoves.assertValidationProblem;
import static org.interlock.gateway.federation.requests.RequestMoves.form;
import static org.interlock.gateway.federation.requests.RequestMoves.post;
import static org.interlock.gateway.federation.requests.RequestMoves.queued;
import static org.interlock.gateway.federation.requests.RequestMoves.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.FederationKeys;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An officer's request for information to peer "nl": checked at the edge (nothing stored or queued when it fails),
 * queued as a request envelope under the officer's name, listed for their agency only; nl's answer moves it on,
 * and an answer to no request of ours is refused whole.
 */
@QuarkusTest
@TestProfile(RequestsProfile.class)
@QuarkusTestResource(GatewayResource.class)
class RequestAskingTest {

    @Inject
    AllocationCaseload caseload;

    /** PERSON allocated to peter.probation by his team manager, as the gateway's caseload counts it. */
    @BeforeEach
    void personOnPetersCaseload() {
        if (!caseload.includes("peter.probation", PERSON)) {
            AgencyTopics.allocation("probation", "peter.probation", PERSON);
            await().atMost(Duration.ofSeconds(30)).until(() -> caseload.includes("peter.probation", PERSON));
        }
    }

    @Test
    void anOfficerAsksOnlyAboutAPersonOnTheirCaseloadAndARefusalIsRecorded() {
        String stranger = PersonReference.random();
        Map<String, Object> aboutStranger = new HashMap<>(form("Needed for the risk assessment"));
        aboutStranger.put("person", stranger);
        long requests = stored();
        long envelopes = queued();

        Response refused = ask(PETER, aboutStranger);

        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("urn:interlock:problem:forbidden", refused.jsonPath().getString("type"));
        assertEquals(requests, stored());
        assertEquals(envelopes, queued());
        assertEquals(1, RequestAudit.count("SELECT count(*) FROM audit.records WHERE action = 'ASK_PEER'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + stranger + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%not-on-caseload%'"), "the attempt is recorded");
        assertEquals(0, RequestAudit.count("SELECT count(*) FROM audit.records WHERE action = 'SEND_ENVELOPE'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + stranger + "%'"), "no envelope");
    }

    @Test
    void aRequestNoAgreementOfTheOfficersAgencyPermitsIsRefusedRecordedAndNotSent() {
        Map<String, Object> forRiskManagement = new HashMap<>(form("Needed for the risk assessment"));
        forRiskManagement.put("purpose", "risk-management");
        String asked = "SELECT count(*) FROM audit.records WHERE action = 'ASK_PEER'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + PERSON + "%'";
        String refusals = asked + " AND convert_from(leaf, 'UTF8') LIKE '%\"outcome\":\"DENY\"%'";
        long requests = stored();
        long envelopes = queued();
        long decisions = RequestAudit.count(asked);
        long refused = RequestAudit.count(refusals);

        Response answer = ask(PETER, forRiskManagement);

        assertEquals(403, answer.statusCode(), answer.asString());
        assertEquals("urn:interlock:problem:forbidden", answer.jsonPath().getString("type"));
        assertEquals(requests, stored());
        assertEquals(envelopes, queued());
        assertEquals(refused + 1, RequestAudit.count(refusals), "the refusal is recorded");
        assertEquals(decisions + 1, RequestAudit.count(asked), "and nothing else");
    }

    @Test
    void aRequestAnAgreementWouldCutDownIsNotSentButRefusedAndRecordedSo() {
        Map<String, Object> forSafeguarding = new HashMap<>(form("Needed for the safeguarding plan"));
        forSafeguarding.put("purpose", "safeguarding");
        String refusals = "SELECT count(*) FROM audit.records WHERE action = 'ASK_PEER'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + PERSON + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%would-be-altered%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%test-probation-requests-without-justification-to-nl%'";
        long envelopes = queued();
        long refused = RequestAudit.count(refusals);

        Response answer = ask(PETER, forSafeguarding);

        assertEquals(403, answer.statusCode(), answer.asString());
        assertEquals(envelopes, queued());
        assertEquals(refused + 1, RequestAudit.count(refusals), "recorded as refused, naming the agreement");
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
        AuditRecord decision = RequestAudit.record(seq - 1);
        assertEquals(Action.ASK_PEER, decision.action(), "decided by the disclosure point, in the same transaction");
        assertEquals("test-probation-requests-to-nl", decision.agreement());
        assertEquals(requestId, decision.resource().id());
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
        String paula = TestTokens.person("paula.probation", "probation", null, "official-sensitive",
                "probation-officer");
        assertFalse(given().auth().oauth2(paula).get(REQUESTS + "?direction=outgoing").jsonPath()
                .getList("requests.requestId").contains(requestId),
                "nor a colleague who neither asked nor has the person on their caseload");
        assertTrue(RequestAudit.count("SELECT count(*) FROM audit.records WHERE action = 'DISCLOSE_REST'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%federation-request%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + requestId + "%'") >= 1, "a request shown is recorded");
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
}
