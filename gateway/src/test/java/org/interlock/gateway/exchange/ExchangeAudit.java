package org.interlock.gateway.exchange;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import org.interlock.testing.TestTokens;

/** The auditor's view of what the exchange did. */
final class ExchangeAudit {

    private static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    private ExchangeAudit() {
    }

    /** The copies routed about a person: the permits (refusals that name a recipient are recorded too). */
    static ValidatableResponse routedAbout(String person) {
        return given().auth().oauth2(AUDITOR).queryParam("person", person).queryParam("action", "ROUTE_EVENT")
                .queryParam("outcome", "permit").queryParam("limit", 1000).get("/audit/v1/records").then()
                .statusCode(200);
    }

    static ValidatableResponse about(String person, String action) {
        return given().auth().oauth2(AUDITOR).queryParam("person", person).queryParam("action", action)
                .queryParam("limit", 1000).get("/audit/v1/records").then().statusCode(200);
    }
}
