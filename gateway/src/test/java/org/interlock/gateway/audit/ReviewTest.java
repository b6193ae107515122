package org.interlock.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.interlock.audit.export.ExportVerdict;
import org.interlock.audit.export.ExportVerifier;
import org.interlock.audit.head.TreeHeadVerifier;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.sealing.TreeHeadSealer;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Every break-glass access opens a review; auditors, and only they, list reviews and close each
 * with one verdict, which is itself a record of the log, and the person's disclosure history says
 * how each break-glass access was judged.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ReviewTest {

    private static final String JUSTIFIED = """
            {"verdict":"justified","note":"recall confirmed by the duty governor's log"}""";
    private static final String UNJUSTIFIED = """
            {"verdict":"unjustified","note":"no recall that night; the officer was curious"}""";

    @Inject
    TreeHeadSealer sealer;

    @Test
    void aBreakGlassReadOpensOneReviewNamingTheAccess() {
        String person = PersonReference.random();
        AuditFixtures.oliviaReadsCustody(person);
        long disclosure = AuditFixtures.peterBreaksGlass(person);

        List<Map<String, Object>> reviews = reviewsAbout(person, "open");
        assertEquals(1, reviews.size(), "one break-glass access, one review; the ordinary read opens none");
        JsonPath review = JsonPath.from(json(reviews.getFirst()));
        assertEquals(disclosure, review.getLong("disclosure"));
        assertEquals("peter.probation", review.getString("actor.subject"));
        assertEquals("probation", review.getString("actor.agency"));
        assertNull(review.get("actor.org"));
        assertEquals(person, review.getString("person"));
        assertEquals(AuditFixtures.EMERGENCY, review.getString("reason"));
        assertEquals("open", review.getString("state"));
        assertFalse(review.getBoolean("overdue"));
        assertNotBlank(review.getString("openedAt"));
        for (String closedOnly : List.of("verdict", "note", "verdictBy", "verdictAt", "verdictRecord")) {
            assertNull(review.get(closedOnly), closedOnly);
        }
    }

    @Test
    void anAuditorClosesAReviewAndTheVerdictIsARecordOfTheVerifiedExport() throws Exception {
        String person = PersonReference.random();
        long disclosure = AuditFixtures.peterBreaksGlass(person);

        JsonPath closed = close(disclosure, JUSTIFIED).then().statusCode(200).extract().jsonPath();
        assertEquals("closed", closed.getString("state"));
        assertEquals("justified", closed.getString("verdict"));
        assertEquals("recall confirmed by the duty governor's log", closed.getString("note"));
        assertEquals("aud.auditor", closed.getString("verdictBy"));
        assertNotBlank(closed.getString("verdictAt"));
        long verdictRecord = closed.getLong("verdictRecord");
        assertEquals(List.of(), reviewsAbout(person, "open"));
        assertEquals(List.of(disclosure), reviewsAbout(person, "closed").stream()
                .map(r -> ((Number) r.get("disclosure")).longValue()).toList());

        AuditFixtures.auditor().queryParam("person", person).queryParam("action", "REVIEW_BREAK_GLASS")
                .get("/audit/v1/records").then().statusCode(200)
                .body("records", hasSize(1))
                .body("records[0].sequence", equalTo((int) verdictRecord))
                .body("records[0].record.actor.subject", equalTo("aud.auditor"))
                .body("records[0].record.resource.type", equalTo("break-glass-review"))
                .body("records[0].record.resource.id", equalTo(Long.toString(disclosure)))
                .body("records[0].record.resource.person", equalTo(person))
                .body("records[0].record.decision.outcome", equalTo("PERMIT"))
                .body("records[0].record.decision.reason", equalTo("justified"));

        long size = sealer.seal().orElseThrow().treeSize();
        byte[] export = AuditFixtures.auditor().queryParam("to", size).get("/audit/v1/export").then().statusCode(200)
                .extract().asByteArray();
        String pem = AuditFixtures.auditor().get("/audit/v1/public-key").then().statusCode(200).extract().asString();
        ExportVerdict verdict = new ExportVerifier(TreeHeadVerifier.fromConfig(pem))
                .verify(new ByteArrayInputStream(export), AuditFixtures.headAt(size));
        assertInstanceOf(ExportVerdict.Verified.class, verdict, verdict.toString());
        String line = new String(export, StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"sequence\":" + verdictRecord + ",")).findFirst().orElseThrow();
        assertTrue(line.contains("\"action\":\"REVIEW_BREAK_GLASS\""), line);
    }

    @Test
    void nobodyGivesTheVerdictOnTheirOwnBreakGlassAccess() {
        String person = PersonReference.random();
        long disclosure = AuditFixtures.peterBreaksGlass(person);
        String peterAlsoAuditor = org.interlock.testing.TestTokens.person("peter.probation", "probation", null,
                "official-sensitive", "probation-officer", "auditor");

        given().auth().oauth2(peterAlsoAuditor).contentType("application/json").body(JUSTIFIED)
                .post("/audit/v1/reviews/" + disclosure).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:forbidden"));
        assertEquals(List.of(disclosure), reviewsAbout(person, "open").stream()
                .map(r -> ((Number) r.get("disclosure")).longValue()).toList());
        assertEquals(0, verdictRecordsAbout(person));
    }

    @Test
    void aSecondVerdictIsAConflictAndTheFirstStands() {
        String person = PersonReference.random();
        long disclosure = AuditFixtures.peterBreaksGlass(person);
        close(disclosure, JUSTIFIED).then().statusCode(200);

        close(disclosure, UNJUSTIFIED).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:conflict"))
                .body("status", equalTo(409));
        assertEquals("justified", reviewsAbout(person, "closed").getFirst().get("verdict"));
        assertEquals(1, verdictRecordsAbout(person));
    }

    @Test
    void twoVerdictsAtOnceGiveOneVerdict() {
        String person = PersonReference.random();
        long disclosure = AuditFixtures.peterBreaksGlass(person);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> close(disclosure, JUSTIFIED).statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> close(disclosure, UNJUSTIFIED).statusCode());
        List<Integer> statuses = new ArrayList<>(List.of(first.join(), second.join()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(1, verdictRecordsAbout(person));
    }

    @Test
    void onlyAuditorsListOrCloseReviews() {
        String person = PersonReference.random();
        long disclosure = AuditFixtures.peterBreaksGlass(person);
        for (String token : List.of(AuditFixtures.OLIVIA, AuditFixtures.PETER, AuditFixtures.FRED, AuditFixtures.ANA,
                AuditFixtures.PAT)) {
            given().auth().oauth2(token).get("/audit/v1/reviews?state=open").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).contentType("application/json").body(JUSTIFIED)
                    .post("/audit/v1/reviews/" + disclosure).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/audit/v1/reviews").then().statusCode(401);
        given().contentType("application/json").body(JUSTIFIED).post("/audit/v1/reviews/" + disclosure)
                .then().statusCode(401);
        assertEquals(1, reviewsAbout(person, "open").size(), "still open");
        assertEquals(0, verdictRecordsAbout(person));
    }

    @Test
    void badVerdictsAreProblemsNamingTheField() {
        long disclosure = AuditFixtures.peterBreaksGlass(PersonReference.random());
        Map<String, String> bodies = Map.of(
                "{\"verdict\":\"maybe\",\"note\":\"x\"}", "verdict",
                "{\"note\":\"x\"}", "verdict",
                "{\"verdict\":\"justified\"}", "note",
                "{\"verdict\":\"justified\",\"note\":\"  \"}", "note",
                "{\"verdict\":\"justified\",\"note\":\"" + "n".repeat(2001) + "\"}", "note",
                "{\"verdict\":7,\"note\":\"x\"}", "verdict");
        bodies.forEach((body, field) -> close(disclosure, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors[0].field", equalTo(field)));
        close(disclosure, "{\"verdict\":\"justified\",\"note\":\"" + "n".repeat(2000) + "\"}").then().statusCode(200);

        for (String unknown : List.of("999999999", "-1", "abc")) {
            close(unknown, JUSTIFIED).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:interlock:problem:not-found"));
        }
        AuditFixtures.auditor().get("/audit/v1/reviews?state=pending").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
    }

    @Test
    void anUnjustifiedVerdictShowsInThePersonsDisclosureHistory() {
        String person = PersonReference.random();
        AuditFixtures.oliviaReadsCustody(person);
        long disclosure = AuditFixtures.peterBreaksGlass(person);
        close(disclosure, UNJUSTIFIED).then().statusCode(200);

        List<Map<String, Object>> history = AuditFixtures.auditor().get("/audit/v1/persons/" + person + "/disclosures")
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertEquals(2, history.size());
        assertFalse(history.getFirst().containsKey("review"), "an ordinary read has no review");
        assertEquals(disclosure, ((Number) history.getLast().get("sequence")).longValue());
        assertEquals(Map.of("state", "closed", "verdict", "unjustified"), history.getLast().get("review"));
    }

    @Test
    void anOpenReviewShowsInTheHistoryWithoutAVerdict() {
        String person = PersonReference.random();
        AuditFixtures.peterBreaksGlass(person);
        AuditFixtures.auditor().get("/audit/v1/persons/" + person + "/disclosures").then().statusCode(200)
                .body("records", hasSize(1))
                .body("records[0].review.state", equalTo("open"))
                .body("records[0].review.verdict", equalTo(null));
    }

    @Test
    void listingReviewsIsAuditedAndPaged() {
        AuditFixtures.peterBreaksGlass(PersonReference.random());
        AuditFixtures.peterBreaksGlass(PersonReference.random());
        JsonPath first = AuditFixtures.auditor().queryParam("state", "open").queryParam("limit", 1)
                .get("/audit/v1/reviews").then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getList("reviews").size());
        JsonPath second = AuditFixtures.auditor().queryParam("state", "open").queryParam("limit", 1)
                .queryParam("cursor", first.getString("next")).get("/audit/v1/reviews").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(second.getLong("reviews[0].disclosure") > first.getLong("reviews[0].disclosure"));

        AuditFixtures.auditor().queryParam("action", "AUDIT_QUERY").queryParam("actor", "aud.auditor")
                .queryParam("limit", 1000).get("/audit/v1/records").then().statusCode(200)
                .body("records.record.resource.id.findAll { it == 'reviews?state=open' }.size()",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void theGatewaysOwnDatabaseRoleCannotChangeOrRemoveReviewsVerdictsOrAlerts() throws SQLException {
        long disclosure = AuditFixtures.peterBreaksGlass(PersonReference.random());
        close(disclosure, JUSTIFIED).then().statusCode(200);
        TestDatabase.execute(GatewayResource.DATABASE, "INSERT INTO audit.break_glass_alerts (disclosure, event_id,"
                + " agency, raised_at, sent_at) VALUES (" + disclosure + ", gen_random_uuid(), 'probation', now(), now())");
        try (Connection c = TestDatabase.connect(GatewayResource.DATABASE, GatewayResource.RUNTIME_ROLE);
                Statement s = c.createStatement()) {
            for (String change : List.of("UPDATE audit.break_glass_reviews SET reason = 'none'",
                    "DELETE FROM audit.break_glass_reviews", "TRUNCATE audit.break_glass_reviews CASCADE",
                    "UPDATE audit.break_glass_verdicts SET verdict = 'unjustified'",
                    "DELETE FROM audit.break_glass_verdicts", "TRUNCATE audit.break_glass_verdicts",
                    "UPDATE audit.break_glass_alerts SET agency = 'prisons'",
                    "UPDATE audit.break_glass_alerts SET sent_at = null",
                    "UPDATE audit.break_glass_alerts SET sent_at = now()",
                    "DELETE FROM audit.break_glass_alerts", "TRUNCATE audit.break_glass_alerts")) {
                assertThrows(SQLException.class, () -> s.execute(change), change);
            }
        }
        try (Connection owner = TestDatabase.connect(GatewayResource.DATABASE, GatewayResource.DATABASE);
                Statement s = owner.createStatement()) {
            for (String change : List.of("DELETE FROM audit.break_glass_verdicts",
                    "UPDATE audit.break_glass_reviews SET reason = 'none'",
                    "UPDATE audit.break_glass_alerts SET sent_at = now()")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(change), change);
                assertTrue(refused.getMessage().contains("append-only") || refused.getMessage().contains("once"),
                        refused.getMessage());
            }
        }
    }

    private static io.restassured.response.Response close(Object review, String body) {
        return AuditFixtures.auditor().contentType("application/json").body(body).post("/audit/v1/reviews/" + review);
    }

    /** Every review of {@code state} about the person, across all pages. */
    static List<Map<String, Object>> reviewsAbout(String person, String state) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = AuditFixtures.auditor().queryParam("state", state).queryParam("limit", 1000)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/audit/v1/reviews").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> reviews = page.getList("reviews");
            reviews.stream().filter(r -> person.equals(r.get("person"))).forEach(found::add);
            cursor = page.getString("next");
        } while (cursor != null);
        return found;
    }

    private static int verdictRecordsAbout(String person) {
        return AuditFixtures.auditor().queryParam("person", person).queryParam("action", "REVIEW_BREAK_GLASS")
                .get("/audit/v1/records").then().statusCode(200).extract().jsonPath().getList("records").size();
    }

    private static void assertNotBlank(String value) {
        assertTrue(value != null && !value.isBlank(), String.valueOf(value));
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
