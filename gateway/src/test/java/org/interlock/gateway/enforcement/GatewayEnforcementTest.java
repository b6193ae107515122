package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.interlock.contracts.PersonReference;
import jakarta.inject.Inject;

import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.referrals.Referred;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every answer the gateway gives is one the caller is entitled to, for a declared purpose, with
 * the fields it may not see removed; a person outside the caller's scope is answered 404. A
 * partner's staff work with a person only inside an accepted referral ({@link Referred}).
 * The agency services are a stub with exact answers; tokens are signed test tokens.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class GatewayEnforcementTest {

    static final String MIA = TestTokens.person("mia.mentor", "partners", "horizon-mentoring", "official", "partner-caseworker");
    static final String FRED = TestTokens.person("fred.faith", "partners", "faith-bridge", "official", "partner-caseworker");
    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive", "probation-officer");
    static final String IAN = TestTokens.person("ian.intel", "intelligence", null, "secret", "intelligence-officer");
    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive", "offender-manager");
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    /** What the mentors' agreement whitelists of a release: no id, prison number, establishment or security category. */
    static final Set<String> MENTORS_RELEASE = Set.of("person", "status", "releaseDate", "releasedOn");
    /** The facts of the category custody.release, as the prisons catalogue declares them. */
    static final Set<String> RELEASE_FACTS = Set.of("id", "person", "status", "releaseDate", "releasedOn");

    @Inject
    OrganisationDirectory organisations;

    @Inject
    ConsentCache consents;

    @BeforeAll
    static void registerOrganisations() {
        // An organisation the gateway has not seen registered is treated as suspended: nothing for its staff.
        AgencyTopics.demoOrganisations();
    }

    @BeforeEach
    void organisationsKnown() {
        await().atMost(Duration.ofSeconds(15)).until(() -> organisations.isActive("horizon-mentoring")
                && organisations.isActive("faith-bridge"));
    }

    /** The outcome and reason of each REST disclosure decision about the person for this user, in order. */
    static List<String> restDecisions(String username, String person) {
        List<Map<String, Object>> records = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", "DISCLOSE_REST").queryParam("actor", username).get("/audit/v1/records").then()
                .statusCode(200).extract().jsonPath().getList("records.record.decision");
        return records.stream().map(d -> d.get("outcome") + " " + d.get("reason")).toList();
    }

    static RequestSpecification as(String token, String purpose) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", purpose);
    }

    static String custodyEpisode(String person) {
        return custodyEpisode(UUID.randomUUID().toString(), person);
    }

    static String custodyEpisode(String id, String person) {
        return """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person);
    }

    /** The exact set of keys released at {@code path} of the answer: nothing more, nothing less. */
    static void assertKeys(Set<String> expected, Response answer, String path) {
        Map<String, Object> released = answer.jsonPath().getMap(path);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(released.keySet()), answer.asString());
    }

    @Test
    void aMentorSeesOnlyTheReleaseProjectionOfAPersonWhoConsented() {
        String person = PersonReference.random();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes?person=" + person, 200, "[" + custodyEpisode(person) + "]");
        Referred.caseworkerWorksWith("mia.mentor", "horizon-mentoring", person, "custody.release", "licence.*");
        AgencyTopics.consent(person, "horizon-mentoring");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes?person=" + person).then()
                        .statusCode(200).body("$", hasSize(1)));
        Response seen = as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes?person=" + person);
        seen.then().statusCode(200).body("[0].releaseDate", equalTo("2026-12-01"));
        assertKeys(MENTORS_RELEASE, seen, "[0]");
        String presented = UpstreamStub.LAST_BEARER.get("/prisons/api/v1/custody-episodes").substring("Bearer ".length());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(presented.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(true, claims.contains("\"azp\":\"interlock-gateway\""),
                "the gateway calls the service with its own identity, not the caller's token");
    }

    @Test
    void withoutConsentTheMentorGets404AndFaithBridgeNeverSeesIt() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, custodyEpisode(person));
        Referred.caseworkerWorksWith("mia.mentor", "horizon-mentoring", person, "custody.release");

        as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes/" + id).then()
                .statusCode(404).body("type", equalTo("urn:interlock:problem:not-found"));
        assertEquals(List.of("DENY NO_CONSENT"), restDecisions("mia.mentor", person));
        AgencyTopics.consent(person, "horizon-mentoring");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200));
        assertKeys(MENTORS_RELEASE, as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes/" + id), "$");
        as(FRED, "resettlement").get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(404);
    }

    @Test
    void withoutAnAcceptedReferralTheMentorGets404ThoughAllocatedAndConsented() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, custodyEpisode(person));
        // Allocated by her manager and consented, as before referrals: only the referral is missing.
        Referred.allocatedByTheirManager("mia.mentor", "horizon-mentoring", person);
        AgencyTopics.consent(person, "horizon-mentoring");
        await().atMost(Duration.ofSeconds(15)).until(() -> consents.activeConsent(person, "horizon-mentoring",
                "custody.release", "resettlement", Instant.now()).isPresent());

        as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes/" + id).then()
                .statusCode(404).body("type", equalTo("urn:interlock:problem:not-found"));
        assertEquals(List.of("DENY NO_REFERRAL"), restDecisions("mia.mentor", person));

        Referred.accepted(person, "horizon-mentoring", "mia.mentor", List.of("custody.release"), List.of("resettlement"));
        as(MIA, "resettlement").get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200);
    }

    @Test
    void probationSeesTheRiskAssessmentOfItsCaseloadButNotIntelligenceDetail() {
        String person = PersonReference.random();
        UpstreamStub.answer("GET", "/prisons/api/v1/risk-assessments?person=" + person, 200, """
                [{"id":"%s","person":"%s","assessedOn":"2026-02-01","assessor":"olivia.prison","engagement":"HIGH",
                  "intent":"MODERATE","capability":"LOW","overall":"MODERATE","rationale":"..."}]""".formatted(UUID.randomUUID(), person));
        String reportId = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/intelligence/api/v1/reports/" + reportId, 200, """
                {"id":"%s","person":"%s","sourceEvaluation":2,"intelligenceAssessment":"B","handlingCode":"P",
                 "handlingConditions":null,"content":"...","sanitisedSummary":null,"reportedOn":"2026-03-04"}""".formatted(reportId, person));
        AgencyTopics.allocation("probation", "peter.probation", person);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(PETER, "risk-management").get("/api/v1/prisons/risk-assessments?person=" + person).then()
                        .statusCode(200).body("$", hasSize(1)).body("[0].overall", equalTo("MODERATE")));
        assertKeys(Set.of("id", "person", "assessedOn", "assessor", "engagement", "intent", "capability", "overall",
                "rationale"), as(PETER, "risk-management").get("/api/v1/prisons/risk-assessments?person=" + person), "[0]");
        as(PETER, "risk-management").get("/api/v1/intelligence/reports/" + reportId).then().statusCode(404);
        Response report = as(IAN, "risk-management").get("/api/v1/intelligence/reports/" + reportId);
        report.then().statusCode(200).body("content", equalTo("..."));
        // No summary has been released (sanitisedSummary is null): the report holds no intel.summary facts.
        assertKeys(Set.of("id", "person", "sourceEvaluation", "intelligenceAssessment", "handlingCode",
                "handlingConditions", "content", "reportedOn"), report, "$");
    }

    @Test
    void onlyTheOwningAgencyWrites() {
        String body = "{\"person\":\"" + PersonReference.random() + "\",\"prisonNumber\":\"A1234BC\"}";
        UpstreamStub.answer("POST", "/prisons/api/v1/custody-episodes", 201, "{\"id\":\"x\"}");

        as(OLIVIA, "case-management").contentType("application/json").body(body)
                .post("/api/v1/prisons/custody-episodes").then().statusCode(201);
        as(PETER, "case-management").contentType("application/json").body(body)
                .post("/api/v1/prisons/custody-episodes").then()
                .statusCode(403).body("type", equalTo("urn:interlock:problem:forbidden"));
    }

    @Test
    void whatAnOrganisationReceivedIsForItsOwnStaffOnly() {
        String person = PersonReference.random();
        String path = "/partners/api/v1/received-events?organisation=horizon-mentoring&person=" + person;
        UpstreamStub.answer("GET", path, 200, """
                [{"id":"%s","organisation":"horizon-mentoring","person":"%s",
                  "type":"org.interlock.prisons.custody.release-date-set.v1","sourceEventId":"s-1","consent":"c-1",
                  "classification":"official","receivedAt":"2026-11-26T10:00:00Z","data":{"releaseDate":"2026-12-01"}}]"""
                .formatted(UUID.randomUUID(), person));
        String query = "/api/v1/partners/received-events?organisation=horizon-mentoring&person=" + person;

        Response received = as(MIA, "resettlement").get(query);
        received.then().statusCode(200).body("$", hasSize(1)).body("[0].data.releaseDate", equalTo("2026-12-01"));
        assertKeys(Set.of("id", "organisation", "person", "type", "sourceEventId", "consent", "classification",
                "receivedAt", "data"),
                received, "[0]");
        assertKeys(Set.of("releaseDate"), received, "[0].data");
        as(FRED, "resettlement").get(query).then().statusCode(200).body("$", hasSize(0));
        as(PETER, "case-management").get(query).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aChangeToAnotherOrganisationsRecordIsRefusedOnTheRecordAsTheServiceHoldsIt() {
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/partners/api/v1/consents/" + id, 200, """
                {"id":"%s","person":"%s","organisation":"horizon-mentoring","categories":["custody.release"],
                 "purposes":["resettlement"],"status":"ACTIVE"}""".formatted(id, PersonReference.random()));
        UpstreamStub.answer("POST", "/partners/api/v1/consents/" + id + "/withdraw", 200, "{\"status\":\"WITHDRAWN\"}");
        String withdrawal = "{\"withdrawnOn\":\"" + LocalDate.now() + "\"}";

        as(FRED, "resettlement").contentType("application/json").body(withdrawal)
                .post("/api/v1/partners/consents/" + id + "/withdraw").then()
                .statusCode(403).body("type", equalTo("urn:interlock:problem:forbidden"));
        as(MIA, "resettlement").contentType("application/json").body(withdrawal)
                .post("/api/v1/partners/consents/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void anAnalystReadsOnlyTheReleaseFactsOfAWholeCustodyEpisode() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, custodyEpisode(id, person));

        Response seen = as(ANA, "public-protection").get("/api/v1/prisons/custody-episodes/" + id);

        seen.then().statusCode(200).body("releaseDate", equalTo("2026-12-01")).body("status", equalTo("IN_CUSTODY"));
        assertKeys(RELEASE_FACTS, seen, "$");
    }

    @Test
    void anEpisodeWithoutAReleaseDateHoldsNoReleaseFactsForTheAnalyst() {
        String person = PersonReference.random();
        String undated = UUID.randomUUID().toString();
        String dated = UUID.randomUUID().toString();
        String withoutDate = custodyEpisode(undated, person).replace("\"2026-12-01\"", "null");
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + undated, 200, withoutDate);
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes?person=" + person, 200,
                "[" + withoutDate + "," + custodyEpisode(dated, person) + "]");

        as(ANA, "public-protection").get("/api/v1/prisons/custody-episodes/" + undated).then().statusCode(404)
                .body("type", equalTo("urn:interlock:problem:not-found"));
        Response listed = as(ANA, "public-protection").get("/api/v1/prisons/custody-episodes?person=" + person);
        listed.then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(dated));
        assertKeys(RELEASE_FACTS, listed, "[0]");
    }

    @Test
    void aMissingOrUnknownPurposeIs400() {
        given().auth().oauth2(OLIVIA).get("/api/v1/prisons/custody-episodes?person=" + PersonReference.random())
                .then().statusCode(400).body("type", equalTo("urn:interlock:problem:malformed-request"));
        as(OLIVIA, "curiosity").get("/api/v1/prisons/custody-episodes?person=" + PersonReference.random())
                .then().statusCode(400);
    }

    @Test
    void tokensThatAreNotValidForTheGatewayAre401() {
        Map<String, Object> claims = TestTokens.personClaims("olivia.prison", "prisons", null, "official-sensitive", 300,
                "offender-manager");
        Map<String, Object> expired = TestTokens.personClaims("olivia.prison", "prisons", null, "official-sensitive", -600,
                "offender-manager");
        Map<String, Object> otherIssuer = new java.util.HashMap<>(claims);
        otherIssuer.put("iss", "https://elsewhere.invalid/realms/interlock");
        Map<String, Object> otherAudience = new java.util.HashMap<>(claims);
        otherAudience.put("aud", "interlock-services");
        String path = "/api/v1/prisons/custody-episodes?person=" + PersonReference.random();

        given().header("X-Purpose-Of-Use", "case-management").get(path).then().statusCode(401);
        for (String token : new String[] {TestTokens.signedWithAnotherKey(claims), TestTokens.unsigned(claims),
                TestTokens.sign(expired), TestTokens.sign(otherIssuer), TestTokens.sign(otherAudience)}) {
            as(token, "case-management").get(path).then().statusCode(401);
        }
    }
}
