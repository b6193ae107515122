package org.interlock.gateway.policy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Policy administrators ask "would S see R, and why?" and see the agreements in force; nobody else may. */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class PolicyApiTest {

    static final String PAT = TestTokens.person("pat.admin", "oversight", null, "official", "policy-admin");
    static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive", "offender-manager");

    static Map<String, Object> query(Map<String, Object> subject, String category, String classification) {
        return Map.of("subject", subject, "action", "read", "purpose", "risk-management",
                "resource", Map.of("origin", "intelligence", "category", category, "classification", classification,
                        "handling", "P", "person", "urn:interlock:person:0b8a3f0e-5c55-4d0e-9a57-3f1b2b7d9c01"));
    }

    @Test
    void anIntelligenceOfficerWouldSeeAReportAndTheAnswerSaysWhyWithoutAnyData() {
        Map<String, Object> ian = Map.of("username", "ian.intel", "agency", "intelligence", "clearance", "secret",
                "roles", java.util.List.of("intelligence-officer"));
        given().auth().oauth2(PAT).contentType(ContentType.JSON).body(query(ian, "intel.report", "secret"))
                .post("/policy/v1/decisions").then()
                .statusCode(200)
                .body("decision", equalTo("permit"))
                .body("policyVersion", equalTo("2026-12-07.2"))
                .body("trail", not(empty()))
                .body("$", not(org.hamcrest.Matchers.hasKey("content")));
    }

    @Test
    void aPrisonOfficerWouldNotSeeAnIntelligenceReport() {
        Map<String, Object> olivia = Map.of("username", "olivia.prison", "agency", "prisons",
                "clearance", "official-sensitive", "roles", java.util.List.of("offender-manager"));
        given().auth().oauth2(PAT).contentType(ContentType.JSON).body(query(olivia, "intel.report", "secret"))
                .post("/policy/v1/decisions").then()
                .statusCode(200)
                .body("decision", equalTo("deny"))
                .body("reason", equalTo("NO_AGREEMENT"));
    }

    @Test
    void theAgreementsInForceAreListedWithThePolicyVersion() {
        given().auth().oauth2(PAT).get("/policy/v1/agreements").then()
                .statusCode(200)
                .body("policyVersion", equalTo("2026-12-07.2"))
                .body("agreements.id", hasItem("prisons-to-probation-custody"));
    }

    @Test
    void onlyPolicyAdministratorsMayAsk() {
        given().auth().oauth2(OLIVIA).get("/policy/v1/agreements").then().statusCode(403);
        given().get("/policy/v1/agreements").then().statusCode(401);
    }

    @Test
    void anUnknownPurposeIs400() {
        Map<String, Object> body = new java.util.HashMap<>(query(Map.of("agency", "prisons"), "intel.report", "secret"));
        body.put("purpose", "curiosity");
        given().auth().oauth2(PAT).contentType(ContentType.JSON).body(body).post("/policy/v1/decisions").then()
                .statusCode(400).body("type", equalTo("urn:interlock:problem:malformed-request"));
    }
}
