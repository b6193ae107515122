package org.interlock.gateway.audit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadVerifier;
import org.interlock.audit.merkle.ConsistencyProof;
import org.interlock.audit.merkle.InclusionProof;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.sealing.TreeHeadSealer;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every decision leaves one record, durable before the answer; auditors (and only they) read the
 * log, their reading is logged too, and what they read is proven against signed tree heads.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class AuditTrailTest {

    @Inject
    TreeHeadSealer sealer;

    @Inject
    OrganisationDirectory organisations;

    @Test
    void aDisclosureIsRecordedWithWhoWhatWhyAndTheOutcome() {
        String person = PersonReference.random();
        String id = AuditFixtures.oliviaReadsCustody(person);

        List<Map<String, Object>> records = AuditFixtures.recordsAbout(person);
        assertEquals(1, records.size(), "one decision, one record");
        JsonPath record = JsonPath.from(toJson(records.getFirst()));
        assertEquals("DISCLOSE_REST", record.getString("action"));
        assertEquals("olivia.prison", record.getString("actor.subject"));
        assertEquals("prisons", record.getString("actor.agency"));
        assertEquals(id, record.getString("resource.id"));
        assertEquals(person, record.getString("resource.person"));
        // One record for the episode: its categories were decided one by one, all on the same grounds.
        assertEquals("custody.reception,custody.transfer,custody.security,custody.release",
                record.getString("resource.category"));
        assertEquals("official-sensitive", record.getString("resource.classification"));
        assertEquals("case-management", record.getString("purpose"));
        assertEquals("PERMIT", record.getString("decision.outcome"));
        assertEquals("owner", record.getString("decision.reason"));
        assertEquals("req-" + id, record.getString("requestId"));
        assertNotEquals(null, record.getString("policyVersion"));
        assertTrue(!toJson(records.getFirst()).contains("HMP Frankland"), "never the content disclosed");
    }

    @Test
    void aRefusalIsRecordedWithItsReasonAndAnsweredAsNotFound() {
        // fred.faith's organisation registered and seen active, so that what refuses him is the
        // missing agreement, not an organisation the gateway does not know (ORGANISATION_SUSPENDED).
        AgencyTopics.demoOrganisations();
        await().atMost(Duration.ofSeconds(15)).until(() -> organisations.isActive("faith-bridge"));
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","status":"IN_CUSTODY","releaseDate":"2026-12-01"}""".formatted(id, person));
        io.restassured.RestAssured.given().auth().oauth2(AuditFixtures.FRED).header("X-Purpose-Of-Use", "resettlement")
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(404);

        AuditFixtures.auditor().queryParam("person", person).queryParam("outcome", "deny")
                .get("/audit/v1/records").then().statusCode(200)
                .body("records", hasSize(1))
                .body("records[0].record.actor.subject", equalTo("fred.faith"))
                .body("records[0].record.actor.org", equalTo("faith-bridge"))
                .body("records[0].record.decision.outcome", equalTo("DENY"))
                .body("records[0].record.decision.reason", equalTo("NO_AGREEMENT"));
    }

    @Test
    void everyAuditEndpointRefusesAnyoneButAnAuditor() {
        List<String> endpoints = List.of("/audit/v1/records", "/audit/v1/persons/" + PersonReference.random()
                + "/disclosures", "/audit/v1/tree-heads/latest", "/audit/v1/tree-heads/0", "/audit/v1/public-key",
                "/audit/v1/proofs/inclusion?sequence=0", "/audit/v1/proofs/consistency?from=0", "/audit/v1/export");
        for (String endpoint : endpoints) {
            for (String token : List.of(AuditFixtures.OLIVIA, AuditFixtures.FRED, AuditFixtures.ANA,
                    TestTokens.person("pat.admin", "oversight", null, "secret", "policy-admin"))) {
                io.restassured.RestAssured.given().auth().oauth2(token).get(endpoint).then().statusCode(403);
            }
            io.restassured.RestAssured.given().get(endpoint).then().statusCode(401);
        }
    }

    @Test
    void auditorsQueriesAreThemselvesInTheLog() {
        String person = PersonReference.random();
        AuditFixtures.auditor().get("/audit/v1/persons/" + person + "/disclosures").then().statusCode(200)
                .body("records", hasSize(0));

        AuditFixtures.auditor().queryParam("actor", "aud.auditor").queryParam("action", "AUDIT_QUERY")
                .queryParam("person", person).get("/audit/v1/records").then().statusCode(200)
                // the first query, and this one: recorded before it is answered
                .body("records", hasSize(2))
                .body("records[1].record.resource.id", equalTo("records?actor=aud.auditor&action=AUDIT_QUERY"))
                .body("records[0].record.resource.type", equalTo("audit-log"))
                .body("records[0].record.resource.id", equalTo("disclosures"))
                .body("records[0].record.resource.person", equalTo(person));
    }

    @Test
    void pagesFollowTheCursorWithoutLossOrRepetition() {
        String person = PersonReference.random();
        for (int i = 0; i < 5; i++) {
            AuditFixtures.oliviaReadsCustody(person);
        }
        List<Integer> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = AuditFixtures.auditor().queryParam("person", person).queryParam("action", "DISCLOSE_REST")
                    .queryParam("limit", 2).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/audit/v1/records").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("records.sequence", Integer.class));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(seen.stream().sorted().distinct().toList(), seen);

        AuditFixtures.auditor().get("/audit/v1/persons/" + person + "/disclosures").then().statusCode(200)
                .body("records", hasSize(5));
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        for (String query : List.of("person=someone", "outcome=maybe", "from=yesterday", "limit=0", "limit=5000",
                "cursor=-3", "action=PEEK", "breakGlass=yes", "actor=a%20b")) {
            AuditFixtures.auditor().get("/audit/v1/records?" + query).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))));
        }
    }

    @Test
    void proofsServedByTheApiVerifyAgainstSignedHeadsWithThePublishedKey() throws Exception {
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        long older = sealer.seal().orElseThrow().treeSize();
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        long newer = sealer.seal().orElseThrow().treeSize();

        String pem = AuditFixtures.auditor().get("/audit/v1/public-key").then().statusCode(200).extract().asString();
        TreeHeadVerifier keys = TreeHeadVerifier.fromConfig(pem);
        SignedTreeHead olderHead = AuditFixtures.headAt(older);
        SignedTreeHead newerHead = AuditFixtures.headAt(newer);
        assertTrue(keys.verify(olderHead) && keys.verify(newerHead), "heads signed by the published key");

        JsonPath inclusion = AuditFixtures.auditor().queryParam("sequence", older - 1).queryParam("treeSize", newer)
                .get("/audit/v1/proofs/inclusion").then().statusCode(200).extract().jsonPath();
        InclusionProof proof = new InclusionProof(older - 1, newer, AuditFixtures.hashes(inclusion.getList("path")));
        assertTrue(proof.verify(AuditFixtures.leafHashOf(inclusion.getString("leaf")), newerHead.head().rootHash()));

        JsonPath consistency = AuditFixtures.auditor().queryParam("from", older).queryParam("to", newer)
                .get("/audit/v1/proofs/consistency").then().statusCode(200).extract().jsonPath();
        ConsistencyProof extension = new ConsistencyProof(older, newer,
                AuditFixtures.hashes(consistency.getList("path")));
        assertTrue(extension.verify(olderHead.head().rootHash(), newerHead.head().rootHash()));
    }

    @Test
    void theGatewaysOwnDatabaseRoleCannotChangeOrRemoveRecords() throws SQLException {
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        try (Connection c = TestDatabase.connect(GatewayResource.DATABASE, GatewayResource.RUNTIME_ROLE);
                Statement s = c.createStatement()) {
            for (String change : List.of("UPDATE audit.records SET person = null",
                    "UPDATE audit.records SET outcome = 'PERMIT'", "DELETE FROM audit.records",
                    "TRUNCATE audit.records", "UPDATE audit.tree_heads SET signed_at = now()",
                    "DELETE FROM audit.tree_heads")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertTrue(refused.getSQLState().startsWith("42"), change + ": " + refused.getMessage());
            }
        }
        try (Connection owner = TestDatabase.connect(GatewayResource.DATABASE, GatewayResource.DATABASE);
                Statement s = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit.records"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void aTraceparentIsKeptAndAForgedCorrelationIdIsReplaced() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","status":"IN_CUSTODY"}""".formatted(id, person));
        io.restassured.RestAssured.given().auth().oauth2(AuditFixtures.OLIVIA)
                .header("X-Purpose-Of-Use", "case-management")
                .header("X-Correlation-Id", "x\"}{\"forged\":true")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200);
        JsonPath record = JsonPath.from(toJson(AuditFixtures.recordsAbout(person).getFirst()));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", record.getString("traceId"));
        assertTrue(record.getString("requestId").matches("[0-9a-f-]{36}"), record.getString("requestId"));
        assertNull(record.get("forged"));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
