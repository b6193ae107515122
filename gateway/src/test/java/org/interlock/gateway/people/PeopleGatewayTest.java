package org.interlock.gateway.people;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.policy.StaffDirectory;
import org.interlock.testing.AgencyTopics;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * The person index behind the gateway (ADR 0014), with the index stubbed and the views read from
 * real Kafka: a lookup tells a caller only a person on their caseload (under any linked reference)
 * and is audited either way; identity management is for identity managers; what is forwarded
 * carries who acts.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class PeopleGatewayTest {

    private static final Duration SEEN = Duration.ofSeconds(30);
    private static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    private static final String TARA = TestTokens.person("tara.probationlead", "probation", null, "official-sensitive",
            "team-manager", "identity-manager");
    private static final String MIA = TestTokens.person("mia.mentor", "partners", "horizon-mentoring", "official",
            "partner-caseworker");
    private static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    @Inject
    AllocationCaseload caseload;

    @Inject
    StaffDirectory staff;

    @Inject
    PersonLinksView links;

    @Test
    void aLookupNamesOnlyAPersonOnTheCallersCaseloadUnderAnyLinkedReference() {
        String prisons = PersonReference.random();
        String probation = PersonReference.random();
        await().atMost(SEEN).until(() -> staff.member("peter.probation").isPresent());
        UpstreamStub.answer("GET", "/people/api/v1/persons?identifier=prison-number:A1234BC", 200,
                "{\"identifier\":\"prison-number:A1234BC\",\"person\":\"" + prisons + "\"}");

        as(PETER).get("/api/v1/people/persons?identifier=prison-number:A1234BC").then().statusCode(404);

        AgencyTopics.allocation("probation", "peter.probation", probation);
        link(prisons, probation);
        await().atMost(SEEN).until(() -> caseload.includes("peter.probation", probation)
                && links.identities(prisons).contains(probation));
        as(PETER).get("/api/v1/people/persons?identifier=prison-number:A1234BC").then().statusCode(200)
                .body("person", equalTo(prisons));
        as(MIA).get("/api/v1/people/persons?identifier=prison-number:A1234BC").then().statusCode(404);

        assertEquals(List.of("peter.probation DENY NOT_IN_CASELOAD", "peter.probation PERMIT agreement",
                "mia.mentor DENY NOT_AUTHORISED"), lookupsOf(prisons));
    }

    @Test
    void aMalformedIdentifierIs422AndNeverReachesTheIndex() {
        int mark = UpstreamStub.receivedCount();
        for (String identifier : List.of("A1234BC", "prison-number:", "passport:123", "crn:X123456%0A", "pnc:../x")) {
            as(PETER).queryParam("identifier", identifier).get("/api/v1/people/persons").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("identifier"));
        }
        assertEquals(List.of(), UpstreamStub.receivedSince(mark));
    }

    @Test
    void identityManagementIsForIdentityManagersAndCarriesWhoActs() {
        String review = UUID.randomUUID().toString();
        reviewLinking(review, PersonReference.random(), PersonReference.random());
        UpstreamStub.answer("POST", "/people/api/v1/reviews/" + review + "/confirm", 200, "{\"status\":\"CONFIRMED\"}");
        int mark = UpstreamStub.receivedCount();

        as(PETER).post("/api/v1/people/reviews/" + review + "/confirm").then().statusCode(403);
        as(MIA).get("/api/v1/people/reviews").then().statusCode(403);
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");

        as(TARA).post("/api/v1/people/reviews/" + review + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertNotNull(UpstreamStub.lastActor("POST", "/people/api/v1/reviews/" + review + "/confirm"));
        // The item read and the confirmation it decided are one request to the index, under one id.
        assertEquals(UpstreamStub.lastCorrelation("GET", "/people/api/v1/reviews/" + review),
                UpstreamStub.lastCorrelation("POST", "/people/api/v1/reviews/" + review + "/confirm"));
        as(TARA).post("/api/v1/people/reviews/not-a-uuid/confirm").then().statusCode(404);
        assertNull(UpstreamStub.lastActor("GET", "/people/api/v1/reviews"));
    }

    @Test
    void anIdentityManagerDoesNotConfirmALinkOfAPersonOnTheirOwnCaseload() {
        String hers = PersonReference.random();
        String other = PersonReference.random();
        String review = UUID.randomUUID().toString();
        reviewLinking(review, other, hers);
        UpstreamStub.answer("POST", "/people/api/v1/reviews/" + review + "/confirm", 200, "{\"status\":\"CONFIRMED\"}");
        AgencyTopics.allocation("probation", "tara.probationlead", hers);
        await().atMost(SEEN).until(() -> caseload.includes("tara.probationlead", hers));
        int mark = UpstreamStub.receivedCount();

        as(TARA).post("/api/v1/people/reviews/" + review + "/confirm").then().statusCode(403);

        assertEquals(List.of("GET /people/api/v1/reviews/" + review),
                UpstreamStub.receivedSince(mark).stream().map(Object::toString).toList(),
                "only the item was read; the confirmation was not forwarded");
    }

    @Test
    void anAssertionIsAboutAPersonOnTheCallersCaseloadOrANewOne() {
        String theirs = PersonReference.random();
        String mine = PersonReference.random();
        UpstreamStub.answer("POST", "/people/api/v1/identities", 201, "{\"outcome\":\"UNMATCHED\"}");
        AgencyTopics.allocation("probation", "peter.probation", mine);
        await().atMost(SEEN).until(() -> caseload.includes("peter.probation", mine));
        int mark = UpstreamStub.receivedCount();

        assertion(theirs).then().statusCode(403);
        as(PETER).contentType("application/json").body("{\"person\":\"" + mine + "\",\"person\":\"" + theirs + "\"}")
                .post("/api/v1/people/identities").then().statusCode(400);
        as(PETER).contentType("application/json").body(Map.of("person", "urn:interlock:person:not-a-uuid"))
                .post("/api/v1/people/identities").then().statusCode(422).body("errors[0].field", equalTo("person"));
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "nothing forwarded");

        assertion(mine).then().statusCode(201);
        as(PETER).contentType("application/json").body(Map.of("identifiers", List.of("crn:X123456")))
                .post("/api/v1/people/identities").then().statusCode(201);
        assertEquals(2, UpstreamStub.receivedSince(mark).size());
    }

    private static io.restassured.response.Response assertion(String person) {
        return as(PETER).contentType("application/json").body(Map.of("person", person, "identifiers", List.of("crn:X123456")))
                .post("/api/v1/people/identities");
    }

    private static void reviewLinking(String review, String person, String candidate) {
        UpstreamStub.answer("GET", "/people/api/v1/reviews/" + review, 200, "{\"id\":\"" + review
                + "\",\"kind\":\"CANDIDATE\",\"person\":\"" + person + "\",\"candidate\":\"" + candidate + "\"}");
    }

    private static void link(String merged, String survivor) {
        TopicWriter.send(PersonIndex.LINKS_TOPIC, merged, "{\"survivor\":\"" + survivor + "\"}",
                Map.of("ce_type", PersonIndex.MERGED, "ce_source", PersonIndex.SOURCE.toString()));
    }

    private static List<String> lookupsOf(String person) {
        List<Map<String, Object>> records = given().auth().oauth2(AUDITOR).queryParam("person", person)
                .queryParam("action", "DISCLOSE_REST").get("/audit/v1/records").then().statusCode(200)
                .extract().jsonPath().getList("records.record");
        return records.stream().map(PeopleGatewayTest::line).toList();
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> record) {
        Map<String, Object> decision = (Map<String, Object>) record.get("decision");
        return ((Map<String, Object>) record.get("actor")).get("subject") + " " + decision.get("outcome") + " "
                + decision.get("reason");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).header("X-Purpose-Of-Use", "case-management");
    }
}
