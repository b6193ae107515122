package org.interlock.gateway.restrictions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.exchange.ExchangeProfile;
import org.interlock.gateway.feeds.FeedClient;
import org.interlock.gateway.feeds.FeedLog;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person the owning agency restricted to named staff (ADR 0011): only they read its records;
 * its own other staff get 404, and analysts' feeds and other agencies' inboxes get nothing of its
 * events, each refusal audited as RESTRICTED. Runs with the exchange (ExchangeProfile), whose
 * starter agreements give probation every custody event and analysts every release.
 */
@QuarkusTest
@TestProfile(ExchangeProfile.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class RestrictedPersonTest {

    private static final Duration DECIDED = Duration.ofSeconds(30);
    static final String TOM = TestTokens.person("tom.prisonlead", "prisons", null, "official-sensitive", "team-manager",
            "offender-manager");
    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");
    static final String ANA = TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst");
    static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");
    static TopicRecorder probation;

    @Inject
    RestrictionView restrictions;

    @Inject
    FeedLog feedLog;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void recordProbationsInbox() {
        probation = new TopicRecorder("interlock.inbox.probation");
    }

    @AfterAll
    static void closeInbox() {
        probation.close();
    }

    @Test
    void onlyTheNamedStaffReadARestrictedPersonsRecordOverRest() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                 "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                .formatted(id, person));
        restrictedToTom(person);

        given().auth().oauth2(OLIVIA).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(404)
                .body("type", equalTo("urn:interlock:problem:not-found"));
        given().auth().oauth2(TOM).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200)
                .body("prisonNumber", equalTo("A1234BC")).body("releaseDate", equalTo("2026-12-01"));

        assertEquals(List.of("olivia.prison DENY RESTRICTED", "tom.prisonlead PERMIT owner"),
                decisions(person, "DISCLOSE_REST").stream().map(d -> d.line()).toList());
    }

    @Test
    void aRestrictedPersonsEventsReachNeitherAnAnalystsFeedNorProbationsInbox() {
        String person = PersonReference.random();
        try (FeedClient feed = FeedClient.subscribe(gateway.toString().replaceAll("/$", ""), ANA, "public-protection",
                "?persons=" + person, null)) {
            await().atMost(DECIDED).until(() -> feedLog.following(person) == 1);
            restrictedToTom(person);

            String refused = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
            // The sentinel: the next release about the same person, on the same topic and partition.
            // Once the feed and the exchange have decided it, they have decided the first.
            String sentinel = AgencyTopics.releaseDateSet(person, UUID.randomUUID().toString());
            await("the sentinel decided for ana's feed and probation's inbox").atMost(DECIDED).until(() ->
                    decided(person, "PUSH_FEED", sentinel) && decided(person, "ROUTE_EVENT", sentinel));

            assertEquals(List.of(), feed.sources(), "nothing pushed to ana");
            assertEquals(List.of(), probation.about(person), "nothing in probation's inbox");
            assertEquals(List.of("ana.analyst DENY RESTRICTED"), linesAbout(person, "PUSH_FEED", refused));
            assertEquals(List.of("probation DENY RESTRICTED"), linesAbout(person, "ROUTE_EVENT", refused).stream()
                    .filter(line -> line.startsWith("probation ")).toList());
        }
    }

    /** tom.prisonlead's restriction of the person's prisons records to himself, as the gateway has read it. */
    private void restrictedToTom(String person) {
        AgencyTopics.restriction("prisons", person, "tom.prisonlead", "tom.prisonlead");
        await().atMost(DECIDED).until(() -> restrictions.restrictedTo(Agency.PRISONS, person).isPresent());
    }

    /** One audit record, as far as these tests look at it. */
    record Decision(String resource, String actor, String outcome, String reason) {

        String line() {
            return actor + " " + outcome + " " + reason;
        }
    }

    private static boolean decided(String person, String action, String resource) {
        return decisions(person, action).stream().anyMatch(d -> resource.equals(d.resource()));
    }

    private static List<String> linesAbout(String person, String action, String resource) {
        return decisions(person, action).stream().filter(d -> resource.equals(d.resource())).map(Decision::line).toList();
    }

    /** The audit records of an action about the person, in order; the actor is its user, or an inbox's agency. */
    @SuppressWarnings("unchecked")
    private static List<Decision> decisions(String person, String action) {
        List<Map<String, Object>> records = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", action).queryParam("limit", 1000).get("/audit/v1/records").then()
                .statusCode(200).extract().jsonPath().getList("records.record");
        return records.stream().map(record -> {
            Map<String, Object> actor = (Map<String, Object>) record.get("actor");
            Map<String, Object> decision = (Map<String, Object>) record.get("decision");
            Object subject = actor.get("subject") != null ? actor.get("subject") : actor.get("agency");
            return new Decision(String.valueOf(((Map<String, Object>) record.get("resource")).get("id")),
                    String.valueOf(subject), String.valueOf(decision.get("outcome")),
                    String.valueOf(decision.get("reason")));
        }).toList();
    }
}
