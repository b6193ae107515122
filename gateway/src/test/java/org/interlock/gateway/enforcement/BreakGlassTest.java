package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Break-glass (ADR 0004): a role the policy allows it to, stating a reason in
 * {@code X-Break-Glass-Reason}, reads a record of a person outside their caseload. It bypasses
 * the caseload only; the read is recorded as a break-glass permit carrying the reason, shows in
 * the auditors' break-glass filter and opens one review. Without the header the same read is
 * refused for the caseload; a blank reason is a malformed request; a role not allowed to break
 * glass is refused, and the attempt recorded.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class BreakGlassTest {

    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    static final String MIA = TestTokens.person("mia.mentor", "partners", "horizon-mentoring", "official",
            "partner-caseworker");
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");
    static final String REASON = "person returned to custody overnight, recall papers needed now";
    static final String HEADER = "X-Break-Glass-Reason";

    /** Every fact of the four custody categories that the episode holds; the agreement gives probation all of them. */
    static final Set<String> EPISODE_FACTS = Set.of("id", "person", "prisonNumber", "establishment", "status",
            "receivedOn", "securityCategory", "releaseDate", "releasedOn");

    @Test
    void aProbationOfficerBreaksTheGlassToReadACustodyEpisodeOffHisCaseload() {
        String person = PersonReference.random();
        String path = episode(person);

        Map<String, Object> released = as(PETER, "public-protection").header(HEADER, REASON).get(path).then()
                .statusCode(200).extract().jsonPath().getMap("$");

        assertEquals(new TreeSet<>(EPISODE_FACTS), new TreeSet<>(released.keySet()));
        JsonPath record = onlyRecordAbout(person);
        assertEquals("PERMIT", record.getString("record.decision.outcome"));
        assertEquals("break-glass", record.getString("record.decision.reason"));
        assertEquals(REASON, record.getString("record.breakGlassReason"));
        assertEquals("peter.probation", record.getString("record.actor.subject"));
        assertEquals("prisons-to-probation-custody", record.getString("record.agreement"));
        assertEquals("custody.reception,custody.transfer,custody.security,custody.release",
                record.getString("record.resource.category"));
        long sequence = record.getLong("sequence");
        assertEquals(List.of(sequence), sequencesAbout(person, Map.of("breakGlass", "true")));
        assertEquals(List.of(), sequencesAbout(person, Map.of("breakGlass", "false")));
        List<Map<String, Object>> reviews = openReviewsAbout(person);
        assertEquals(1, reviews.size(), "one break-glass read, one review");
        assertEquals(sequence, ((Number) reviews.getFirst().get("disclosure")).longValue());
        assertEquals(REASON, reviews.getFirst().get("reason"));
    }

    @Test
    void withoutTheHeaderTheSameReadIsRefusedForTheCaseload() {
        String person = PersonReference.random();
        String path = episode(person);

        as(PETER, "public-protection").get(path).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:interlock:problem:not-found"));

        JsonPath record = onlyRecordAbout(person);
        assertEquals("DENY", record.getString("record.decision.outcome"));
        assertEquals("NOT_IN_CASELOAD", record.getString("record.decision.reason"));
        assertEquals(null, record.getString("record.breakGlassReason"));
        assertEquals(List.of(), sequencesAbout(person, Map.of("breakGlass", "true")));
        assertEquals(List.of(), openReviewsAbout(person));
    }

    @Test
    void aBlankReasonIsAMalformedRequestThatNoServiceSees() {
        String person = PersonReference.random();
        String path = episode(person);
        int mark = UpstreamStub.receivedCount();

        as(PETER, "public-protection").header(HEADER, "   ").get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:malformed-request"));

        assertEquals(List.of(), UpstreamStub.receivedSince(mark));
        assertEquals(List.of(), sequencesAbout(person, Map.of()));
    }

    @Test
    void aPartnerCaseworkerMayNotBreakTheGlassAndTheAttemptIsRecorded() {
        refusedToBreakGlass(MIA, "mia.mentor", "resettlement");
    }

    @Test
    void anAnalystMayNotBreakTheGlassAndTheAttemptIsRecorded() {
        refusedToBreakGlass(ANA, "ana.analyst", "public-protection");
    }

    private void refusedToBreakGlass(String token, String username, String purpose) {
        String person = PersonReference.random();
        String path = episode(person);

        as(token, purpose).header(HEADER, REASON).get(path).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:interlock:problem:not-found"));

        JsonPath record = onlyRecordAbout(person);
        assertEquals(username, record.getString("record.actor.subject"));
        assertEquals("DENY", record.getString("record.decision.outcome"));
        assertEquals("BREAK_GLASS_NOT_ALLOWED", record.getString("record.decision.reason"));
        assertEquals(REASON, record.getString("record.breakGlassReason"));
        assertEquals(List.of(), openReviewsAbout(person), "a refused attempt opens no review");
    }

    /** A prisons custody episode of the person, with a release date set; its gateway path. */
    private static String episode(String person) {
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person));
        return "/api/v1/prisons/custody-episodes/" + id;
    }

    private static RequestSpecification as(String token, String purpose) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", purpose);
    }

    private static JsonPath onlyRecordAbout(String person) {
        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", "DISCLOSE_REST").get("/audit/v1/records").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page.getList("records").size(), "one read, one audit record: " + page.prettify());
        return page.setRootPath("records[0]");
    }

    /** The REST disclosures recorded about the person (the auditor's own queries about them are records too). */
    private static List<Long> sequencesAbout(String person, Map<String, String> filter) {
        return given().auth().oauth2(AUDITOR).queryParam("person", person).queryParam("action", "DISCLOSE_REST")
                .queryParams(filter)
                .get("/audit/v1/records").then().statusCode(200).extract().jsonPath()
                .getList("records.sequence", Long.class);
    }

    /** The open reviews about the person, across all pages. */
    private static List<Map<String, Object>> openReviewsAbout(String person) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(AUDITOR).queryParam("state", "open").queryParam("limit", 1000)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/audit/v1/reviews").then().statusCode(200).extract().jsonPath();
            page.<Map<String, Object>>getList("reviews").stream().filter(r -> person.equals(r.get("person")))
                    .forEach(found::add);
            cursor = page.getString("next");
        } while (cursor != null);
        return found;
    }
}
