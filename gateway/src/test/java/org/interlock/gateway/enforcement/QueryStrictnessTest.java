package org.interlock.gateway.enforcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The query of an agency read is the operation's declared parameters, each given once and of its
 * type, or the request goes no further: an unknown or repeated parameter is a malformed request
 * (400), a value of the wrong type a validation problem naming the parameter (422). In none of
 * these cases does a service see the request.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class QueryStrictnessTest {

    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");
    static final String EPISODES = "/api/v1/prisons/custody-episodes";

    @Test
    void anUnknownQueryParameterIsAMalformedRequest() {
        refused(EPISODES + "?person=" + PersonReference.random() + "&include=securityCategory", 400, "malformed-request");
    }

    @Test
    void aPersonThatIsNotAPersonReferenceIsAValidationProblemNamingIt() {
        refused(EPISODES + "?person=A1234BC", 422, "validation-failed").body("errors[0].field", equalTo("person"));
    }

    @Test
    void aMissingRequiredParameterIsAValidationProblemNamingIt() {
        refused(EPISODES, 422, "validation-failed").body("errors[0].field", equalTo("person"));
    }

    @Test
    void aRepeatedParameterIsAMalformedRequest() {
        String person = PersonReference.random();
        refused(EPISODES + "?person=" + person + "&person=" + person, 400, "malformed-request");
    }

    /** The read sent exactly as written (no client encoding), its problem checked, and no service having seen it. */
    private static ValidatableResponse refused(String pathAndQuery, int status, String type) {
        int mark = UpstreamStub.receivedCount();
        ValidatableResponse answer = given().urlEncodingEnabled(false).auth().oauth2(OLIVIA)
                .header("X-Purpose-Of-Use", "case-management").get(pathAndQuery).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("urn:interlock:problem:" + type));
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), "a service saw " + pathAndQuery);
        return answer;
    }
}
