package org.interlock.prisons.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestTokens;
import org.interlock.testing.service.WhoActsContract;
import org.junit.jupiter.api.Test;

/** Every write to the prisons service names who acts, or is refused: POST and PUT alike. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class WhoActsTest extends WhoActsContract {

    @Override
    protected Agency agency() {
        return Agency.PRISONS;
    }

    @Test
    void aPutWithoutAnActorIs401AndChangesNothing() {
        String id = ServiceRequests.asGateway()
                .body(Map.of("person", PersonReference.random(), "prisonNumber", "C3456DE", "establishment", "HMP Leeds",
                        "securityCategory", "C", "receivedOn", "2026-01-10"))
                .post("/api/v1/custody-episodes").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.gateway()).contentType(ContentType.JSON).body(Map.of("releaseDate", "2026-09-01"))
                .put("/api/v1/custody-episodes/" + id + "/release-date").then()
                .statusCode(401).body("type", equalTo("urn:interlock:problem:unauthenticated"));

        ServiceRequests.asGateway().get("/api/v1/custody-episodes/" + id).then().statusCode(200)
                .body("releaseDate", nullValue());
    }
}
