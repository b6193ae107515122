package org.interlock.gateway.exchange;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import org.interlock.testing.TestTokens;

/** The auditor's view of what the exchange did. */
final class ExchangeAudit {

    private static final String AUDITOR = TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor");

    private ExchangeAudit() {
    }

    static ValidatableResponse routedAbout(String person) {
        return about(person, "ROUTE_EVENT").body("records.record.decision.outcome",
                org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("PERMIT")));
    }

    static ValidatableResponse about(String person, String action) {
        return given().auth().oauth2(AUDITOR).queryParam("person", person).queryParam("action", action)
                .queryParam("limit", 1000).get("/audit/v1/records").then().statusCode(200);
    }
}
