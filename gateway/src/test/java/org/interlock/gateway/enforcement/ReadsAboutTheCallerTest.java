package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A read about the caller ({@code ?assignee=me}, a parameter of type {@code me}) tells the service
 * who reads with the gateway's signed assertion of the verified caller, as a change does; a name in
 * place of "me" is a validation problem that reaches no service; every other read names nobody.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class ReadsAboutTheCallerTest {

    static final String PETER = TestTokens.person("peter.probation", "probation", null, "official-sensitive",
            "probation-officer");
    static final String ASSIGNED = "/api/v1/probation/conference-actions";

    @Test
    void theServiceIsToldWhoReadsByTheGatewaysAssertionOfTheVerifiedCaller() {
        String person = PersonReference.random();
        String action = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/probation/api/v1/conference-actions?assignee=me", 200, """
                [{"id":"%s","conferenceId":"%s","person":"%s","owner":"probation","assignee":"peter.probation",
                  "description":"Check the exclusion zone","dueOn":"2030-01-01","status":"OPEN",
                  "assignedBy":"tara.probationlead","outcome":null}]""".formatted(action, UUID.randomUUID(), person));

        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "case-management").get(ASSIGNED + "?assignee=me")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(action));

        String header = UpstreamStub.lastActor("GET", "/probation/api/v1/conference-actions");
        assertNotNull(header, "the read about the caller reached the service without " + ActorAssertion.HEADER);
        ActorAssertion actor = ActorAssertion.verify(header, List.of(TestActor.devKey("probation")), "probation",
                Instant.now());
        assertEquals(List.of("peter.probation", "probation"), List.of(actor.username(), actor.agency()));
    }

    @Test
    void aNameInPlaceOfMeIsAValidationProblemThatReachesNoService() {
        int mark = UpstreamStub.receivedCount();
        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "case-management")
                .get(ASSIGNED + "?assignee=olivia.prison").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("assignee"));
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "a service saw the read naming someone else");
    }

    /**
     * The review-trigger notices addressed to the caller go the same way: the service is told who
     * reads, a name in place of "me" reaches no service, and each notice answered is decided.
     */
    @Test
    void theNoticesAddressedToTheCallerAreReadAboutTheCallerAndEachIsDecided() {
        String person = PersonReference.random();
        String notice = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/probation/api/v1/review-triggers?addressee=me", 200, """
                [{"notice":"%s","rule":"concern-and-missed-appointment","description":"A concern and a missed appointment.",
                  "person":"%s","firedAt":"2026-12-06T10:00:00Z","events":["e1","e2"],
                  "addressees":["peter.probation"]}]""".formatted(notice, person));

        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/probation/review-triggers?addressee=me")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].notice", equalTo(notice));

        assertNotNull(UpstreamStub.lastActor("GET", "/probation/api/v1/review-triggers"),
                "the read about the caller reached the service without " + ActorAssertion.HEADER);
        int mark = UpstreamStub.receivedCount();
        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/probation/review-triggers?addressee=tara.probationlead").then().statusCode(422)
                .body("errors[0].field", equalTo("addressee"));
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "a service saw the read naming someone else");
    }

    @Test
    void anyOtherReadNamesNobody() {
        String person = PersonReference.random();
        UpstreamStub.answer("GET", "/probation/api/v1/supervision-cases?person=" + person, 200, "[]");
        given().auth().oauth2(PETER).header("X-Purpose-Of-Use", "case-management")
                .get("/api/v1/probation/supervision-cases?person=" + person).then().statusCode(200);
        assertNull(UpstreamStub.lastActor("GET", "/probation/api/v1/supervision-cases"));
    }
}
