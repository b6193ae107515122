package org.interlock.gateway.federation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.received.ExpiredItems;
import org.interlock.gateway.federation.send.PeerRecipient;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Cross-border sharing through the one disclosure point: what the exchange releases to a peer under an agreement
 * to it is queued once, with the agreement's conditions and a record naming the person; what a peer releases here
 * is held under its conditions, read only by those they name and whose clearance reaches it, and passed on only
 * where the originator and this side's policy both allow — every decision audited.
 */
@QuarkusTest
@TestProfile(PeerSharingProfile.class)
@QuarkusTestResource(GatewayResource.class)
class PeerSharingTest {

    private static final Duration ROUTED = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURPOSE = "public-protection";

    private static long queuedFor(String person) {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.outbox o"
                + " JOIN audit.records r ON r.sequence = o.seq WHERE o.peer = 'nl' AND o.payload LIKE '%" + person + "%'");
    }

    @Test
    void aReportUnderAnAgreementToThePeerIsQueuedOnceWithItsConditionsAndOneUnderCIsNot() throws Exception {
        String person = PersonReference.random();
        AgencyTopics.report(person, "C");
        String permitted = AgencyTopics.report(person, "P");

        await().atMost(ROUTED).until(() -> queuedFor(person) == 1);
        String payload = TestDatabase.text(GatewayResource.DATABASE, "SELECT payload FROM federation.outbox"
                + " WHERE payload LIKE '%" + person + "%'");
        JsonNode content = JSON.readTree(payload);
        assertEquals(person, content.path("event").path("subject").asText());
        assertEquals("intel.report", content.path("event").path("category").asText());
        assertEquals("test-reports-to-nl", content.path("event").path("agreement").asText());
        assertEquals("[\"probation\"]", content.path("conditions").path("disseminateTo").toString());
        assertFalse(content.path("conditions").path("requiresOriginatorPermission").asBoolean(true));
        assertTrue(content.path("conditions").has("expiresAt"), "keepFor becomes a time of expiry");
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'SEND_ENVELOPE' AND convert_from(leaf, 'UTF8') LIKE '%" + person + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%test-reports-to-nl%'"), "the sending names the person and the agreement");
        assertTrue(TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'ROUTE_EVENT' AND convert_from(leaf, 'UTF8') LIKE '%" + person + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%federation:nl%' AND convert_from(leaf, 'UTF8') LIKE '%HANDLING_RESTRICTED%'") >= 1,
                "the report under C was refused to the peer, and recorded");
        assertEquals(new PeerRecipient("nl").itemId(Agency.INTELLIGENCE, permitted), content.path("event").path("id").asText(),
                "the item is the P report, under the id routing it again would give it");
    }

    private static String token(String agency, String org, String clearance) {
        return TestTokens.person("user-" + agency, agency, org, clearance, "analyst");
    }

    private static Response received(String token, String person) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", PURPOSE).queryParam("person", person)
                .get("/federation/v1/received");
    }

    private static Response passOn(String token, String item, String to) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", PURPOSE).contentType("application/json")
                .body("{\"to\":\"" + to + "\"}").post("/federation/v1/received/nl/" + item + "/onward");
    }

    /**
     * nl releases a report about {@code person} to this deployment: listed for probation, intelligence and a partner
     * organisation that this side's policy gives no reports to.
     */
    private static String shareFromNl(String person) {
        return shareFromNl(person, Instant.now().plus(Duration.ofDays(30)));
    }

    private static String shareFromNl(String person, Instant expiresAt) {
        String item = UUID.randomUUID().toString();
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", item).put("source", "/agencies/intelligence")
                .put("type", "org.interlock.intelligence.report.filed.v1").put("subject", person)
                .put("time", "2026-12-07T09:00:00Z").put("category", "intel.report")
                .put("classification", "official-sensitive").put("agreement", "nl-reports-to-home");
        event.putObject("data").put("content", FederationKeys.PAYLOAD_TEXT);
        EnvelopeContent content = new EnvelopeContent(event, new HandlingConditions(Set.of("probation", "intelligence",
                "org:horizon-mentoring"),
                false, Optional.of(expiresAt)), Optional.empty());
        String compact = FederationKeys.signer("nl", FederationKeys.NL).sign(content, FederationKeys.nextSequence())
                .compact();
        given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post("/federation/v1/envelopes").then().statusCode(200);
        return item;
    }

    @Test
    void aReceivedItemIsReadByThoseTheOriginatorNamesAndWhoseClearanceReachesIt() {
        String person = PersonReference.random();
        String item = shareFromNl(person);

        Response probation = received(token("probation", null, "secret"), person);
        assertEquals(200, probation.statusCode(), probation.asString());
        assertEquals(List.of(item), probation.jsonPath().getList("itemId"));
        assertEquals(FederationKeys.PAYLOAD_TEXT, probation.jsonPath().getString("[0].event.data.content"));

        assertEquals(List.of(), received(token("prisons", null, "secret"), person).jsonPath().getList("itemId"),
                "not named by the originator");
        assertEquals(List.of(), received(token("probation", null, "official"), person).jsonPath().getList("itemId"),
                "clearance below the item's classification");
        assertEquals(List.of(), received(token("partners", "horizon-mentoring", "secret"), person).jsonPath()
                .getList("itemId"), "an organisation the originator names holds it only once passed on to it here");
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'DISCLOSE_REST' AND convert_from(leaf, 'UTF8') LIKE '%" + person + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%not-allowed-by-originator%'"));
    }

    @Test
    void theReceiptNamesTheSendersAgreementAsThePeersNeverAsOneOfThisSides() {
        String person = PersonReference.random();
        shareFromNl(person);

        String receipts = "SELECT count(*) FROM audit.records WHERE action = 'RECEIVE_ENVELOPE'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%" + person + "%'";
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, receipts
                + " AND convert_from(leaf, 'UTF8') LIKE '%\"agreement\":\"federation:nl/nl-reports-to-home\"%'"));
    }

    @Test
    void passingOnIsRefusedUnlessTheOriginatorAndThisSidesPolicyBothAllowIt() {
        String person = PersonReference.random();
        String item = shareFromNl(person);
        String probation = token("probation", null, "secret");

        Response partner = passOn(probation, item, "org:lantern-trust");
        assertEquals(403, partner.statusCode(), partner.asString());
        assertEquals("urn:interlock:problem:federation:not-allowed-by-originator", partner.jsonPath().getString("type"));
        assertFalse(partner.asString().contains(FederationKeys.PAYLOAD_TEXT));

        Response prisons = passOn(probation, item, "prisons");
        assertEquals("urn:interlock:problem:federation:not-allowed-by-originator", prisons.jsonPath().getString("type"));

        Response horizon = passOn(probation, item, "org:horizon-mentoring");
        assertEquals(403, horizon.statusCode(), horizon.asString());
        assertEquals("urn:interlock:problem:federation:local-policy", horizon.jsonPath().getString("type"),
                "the originator allows it; this side's policy does not");

        Response intelligence = passOn(probation, item, "intelligence");
        assertEquals(200, intelligence.statusCode(), intelligence.asString());

        Response notAHolder = passOn(token("prisons", null, "secret"), item, "intelligence");
        assertEquals(404, notAHolder.statusCode(), "one who may not hold it learns nothing of it");

        assertEquals(5, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'DISCLOSE_REST' AND convert_from(leaf, 'UTF8') LIKE '%" + person + "%'"
                + " AND convert_from(leaf, 'UTF8') LIKE '%onward-to:%'"), "every attempt recorded");
    }

    @Test
    void anItemAboutNoPersonIsNotTakenAndNothingOfItIsKept() {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/x")
                .put("type", "org.interlock.intelligence.report.filed.v1").put("subject", "not a person")
                .put("time", "2026-12-07T09:00:00Z");
        long sequence = FederationKeys.nextSequence();
        String compact = FederationKeys.signer("nl", FederationKeys.NL).sign(new EnvelopeContent(event,
                HandlingConditions.NO_DISSEMINATION, Optional.empty()), sequence).compact();

        Response answer = given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post("/federation/v1/envelopes");

        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals("urn:interlock:problem:federation:malformed", answer.jsonPath().getString("type"));
        assertEquals(0, ReceiptAudit.stored("nl", sequence));
    }

    /** nl's act on an item it sent here: a permission or a revocation, signed with nl's key. */
    private static Response actFromNl(String type, String person, String item, String recipient) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/interlock/federation")
                .put("type", type).put("subject", person).put("time", Instant.now().toString());
        ObjectNode data = event.putObject("data").put("item", item);
        if (recipient != null) {
            data.put("recipient", recipient);
        }
        String compact = FederationKeys.signer("nl", FederationKeys.NL).sign(new EnvelopeContent(event,
                HandlingConditions.NO_DISSEMINATION, Optional.empty()), FederationKeys.nextSequence()).compact();
        return given().contentType("application/jose").body(compact.getBytes(StandardCharsets.US_ASCII))
                .post("/federation/v1/envelopes");
    }

    @Test
    void theOriginatorsPermissionLetsOneMoreRecipientHoldTheItem() {
        String person = PersonReference.random();
        String item = shareFromNl(person);
        String prisons = token("prisons", null, "secret");
        assertEquals(List.of(), received(prisons, person).jsonPath().getList("itemId"));

        assertEquals(200, actFromNl(EnvelopeTypes.PERMISSION, person, item, "prisons").statusCode());

        assertEquals(List.of(item), received(prisons, person).jsonPath().getList("itemId"));
        assertEquals(List.of(), received(token("partners", "lantern-trust", "secret"), person).jsonPath()
                .getList("itemId"), "for that recipient only");
    }

    @Test
    void theOriginatorsRevocationErasesTheItemAndNobodyHoldsItAnyMore() {
        String person = PersonReference.random();
        String item = shareFromNl(person);
        String probation = token("probation", null, "secret");
        assertEquals(List.of(item), received(probation, person).jsonPath().getList("itemId"));

        assertEquals(200, actFromNl(EnvelopeTypes.REVOCATION, person, item, null).statusCode());

        assertEquals(List.of(), received(probation, person).jsonPath().getList("itemId"));
        assertEquals(404, passOn(probation, item, "intelligence").statusCode());
        assertEquals("{}", TestDatabase.text(GatewayResource.DATABASE, "SELECT event::text FROM"
                + " federation.received_items WHERE item_id = '" + item + "'"));
        assertEquals("", TestDatabase.text(GatewayResource.DATABASE, "SELECT e.compact FROM federation.received_items i"
                + " JOIN federation.received_envelopes e USING (peer, seq) WHERE i.item_id = '" + item + "'"));
        assertEquals(0, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.received_envelopes"
                + " WHERE compact LIKE '%" + person + "%'"));
    }

    @Test
    void anActOnAnItemNotHeldFromThatPeerIsRefusedWhole() {
        Response answer = actFromNl(EnvelopeTypes.PERMISSION, PersonReference.random(), UUID.randomUUID().toString(),
                "prisons");

        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals("urn:interlock:problem:federation:malformed", answer.jsonPath().getString("type"));
    }

    @Test
    void onlyTheSinglePointOfContactOfTheItemsAgencyActsOnAnItemSent() throws Exception {
        String person = PersonReference.random();
        AgencyTopics.report(person, "P");
        await().atMost(ROUTED).until(() -> queuedFor(person) == 1);
        String item = JSON.readTree(TestDatabase.text(GatewayResource.DATABASE, "SELECT payload FROM federation.outbox"
                + " WHERE payload LIKE '%" + person + "%'")).path("event").path("id").asText();
        String path = "/federation/v1/sent/nl/" + item + "/permissions";
        String body = "{\"recipient\":\"prisons\"}";

        given().auth().oauth2(TestTokens.person("ian", "intelligence", null, "secret", "analyst"))
                .contentType("application/json").body(body).post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.person("pia", "probation", null, "secret", "federation-spoc"))
                .contentType("application/json").body(body).post(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.person("ian", "intelligence", null, "secret", "federation-spoc"))
                .contentType("application/json").body(body).post(path).then().statusCode(200);

        JsonNode permission = JSON.readTree(TestDatabase.text(GatewayResource.DATABASE, "SELECT payload FROM"
                + " federation.outbox WHERE payload LIKE '%" + EnvelopeTypes.PERMISSION + "%' AND payload LIKE '%"
                + item + "%'"));
        assertEquals("prisons", permission.path("event").path("data").path("recipient").asText());
        assertEquals(person, permission.path("event").path("subject").asText());
    }

    @Inject
    ExpiredItems expiry;

    @Test
    void anItemPastItsOriginatorsExpiryIsErasedAndTheErasureRecorded() throws Exception {
        String person = PersonReference.random();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        String item = shareFromNl(person, expiresAt);

        expiry.erase(expiresAt.minusSeconds(1));
        assertEquals(List.of(item), received(token("probation", null, "secret"), person).jsonPath().getList("itemId"),
                "not before its expiry");

        expiry.erase(expiresAt);

        assertEquals("{}", TestDatabase.text(GatewayResource.DATABASE, "SELECT event::text FROM"
                + " federation.received_items WHERE item_id = '" + item + "'"));
        assertEquals(0, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM federation.received_envelopes"
                + " WHERE compact LIKE '%" + person + "%'"));
        assertEquals(1, TestDatabase.number(GatewayResource.DATABASE, "SELECT count(*) FROM audit.records"
                + " WHERE action = 'ERASURE_CONFIRMED' AND convert_from(leaf, 'UTF8') LIKE '%" + item + "%'"));
    }
}
