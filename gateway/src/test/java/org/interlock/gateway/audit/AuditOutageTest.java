package org.interlock.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Audit before disclosure: while the audit store is down, nothing is released, and afterwards all is as before. */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class AuditOutageTest {

    @AfterEach
    void databaseBack() {
        TestInfrastructure.shared().postgres().start();
    }

    @Test
    void withTheAuditStoreDownNothingIsReleasedAndTheAnswerIs503() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes/" + id, 200, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","status":"IN_CUSTODY"}""".formatted(id, person));
        UpstreamStub.answer("GET", "/prisons/api/v1/custody-episodes?person=" + person, 200, """
                [{"id":"%s","person":"%s","prisonNumber":"A1234BC","status":"IN_CUSTODY"}]""".formatted(id, person));
        UpstreamStub.answer("POST", "/prisons/api/v1/custody-episodes", 201, "{\"id\":\"x\"}");
        read("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200);

        TestInfrastructure.shared().postgres().stop();
        for (String path : new String[] {"/api/v1/prisons/custody-episodes/" + id,
                "/api/v1/prisons/custody-episodes?person=" + person}) {
            read(path).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:interlock:problem:unavailable"))
                    .body(not(containsString("A1234BC")))
                    .body(not(containsString(person)));
        }
        given().auth().oauth2(AuditFixtures.OLIVIA).header("X-Purpose-Of-Use", "case-management")
                .contentType("application/json").body("{\"person\":\"" + person + "\"}")
                .post("/api/v1/prisons/custody-episodes").then().statusCode(503);
        AuditFixtures.auditor().get("/audit/v1/records").then().statusCode(503);

        TestInfrastructure.shared().postgres().start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                read("/api/v1/prisons/custody-episodes/" + id).then().statusCode(200).body("prisonNumber", equalTo("A1234BC")));
    }

    private static io.restassured.response.Response read(String path) {
        return given().auth().oauth2(AuditFixtures.OLIVIA).header("X-Purpose-Of-Use", "case-management").get(path);
    }
}
