package org.interlock.gateway.policy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.gateway.policy.TriggerRuleStore;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A new policy version takes effect without a restart; a broken one is refused and the old one stays. */
@QuarkusTest
@TestProfile(PolicyReloadTest.PolicyDirectory.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class PolicyReloadTest {

    static final String PAT = TestTokens.person("pat.admin", "oversight", null, "official", "policy-admin");
    static Path directory;

    public static class PolicyDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                directory = Files.createTempDirectory("interlock-policy");
                Files.writeString(directory.resolve("interlock-policy.yaml"), starterPolicy());
                return Map.of("interlock.policy.directory", directory.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String starterPolicy() throws IOException {
        try (InputStream in = PolicyReloadTest.class.getResourceAsStream("/policy/interlock-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBrokenFileIsRefusedWithWhereAndWhatAndANewVersionTakesEffect() throws IOException {
        Path file = directory.resolve("interlock-policy.yaml");
        String good = starterPolicy();

        Files.writeString(file, good.replace("maxClassification: official-sensitive", "maxClassification: top-secret"));
        given().auth().oauth2(PAT).post("/policy/v1/reload").then()
                .statusCode(422)
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors[0].field", matchesPattern(".*interlock-policy\\.yaml:[0-9]+"))
                .body("errors[0].message", containsString("unknown classification 'top-secret'"));
        given().auth().oauth2(PAT).get("/policy/v1/agreements").then().body("policyVersion", equalTo("2026-12-07.2"));

        Files.writeString(file, good.replace("version: 2026-12-07.2", "version: 2026-12-07.3"));
        given().auth().oauth2(PAT).post("/policy/v1/reload").then()
                .statusCode(200)
                .body("policyVersion", equalTo("2026-12-07.3"))
                .body("previousVersion", equalTo("2026-12-07.2"));
        given().auth().oauth2(PAT).get("/policy/v1/agreements").then().body("policyVersion", equalTo("2026-12-07.3"));
    }

    @Inject
    TriggerRuleStore triggers;

    @Test
    void reviewTriggerRulesReloadWithThePolicyAndABrokenRuleLeavesBothInForce() throws IOException {
        Path rules = directory.resolve("triggers.yaml");
        String builtIn = triggers.current().version();
        Files.writeString(rules, """
                version: triggers-broken
                rules:
                  - id: misspelt
                    description: a category nobody publishes
                    when:
                      - category: partner.concerns
                """);
        given().auth().oauth2(PAT).post("/policy/v1/reload").then()
                .statusCode(422)
                .body("errors[0].field", matchesPattern(".*triggers\\.yaml:6"))
                .body("errors[0].message", containsString("partner.concerns"));
        assertEquals(builtIn, triggers.current().version());

        Files.writeString(rules, """
                version: triggers-2
                rules:
                  - id: any-concern
                    description: a concern was raised
                    when:
                      - category: partner.concern
                """);
        given().auth().oauth2(PAT).post("/policy/v1/reload").then().statusCode(200);
        assertEquals("triggers-2", triggers.current().version());
        Files.delete(rules);
    }

    @Test
    void aPreviewShowsWhatAReloadWouldChangeAndChangesNothing() throws IOException {
        String inForce = inForce();
        Files.writeString(directory.resolve("interlock-policy.yaml"), starterPolicy()
                .replace("version: 2026-12-07.2", "version: preview-1")
                .replace("    purposes: [case-management, public-protection, risk-management]\n"
                        + "    maxClassification: official-sensitive\n"
                        + "    legalBasis: statutory:Offender Management Act 2007 s.14\n\n"
                        + "  # --- probation -> prisons",
                        "    purposes: [case-management]\n"
                        + "    maxClassification: official-sensitive\n"
                        + "    legalBasis: statutory:Offender Management Act 2007 s.14\n\n"
                        + "  # --- probation -> prisons")
                .replace("  - id: no-intelligence-reports-to-partners\n", "  - id: no-intelligence-to-partners\n"));

        String candidate = given().auth().oauth2(PAT).get("/policy/v1/reload/preview").then()
                .statusCode(200)
                .body("inForce", equalTo(inForce))
                .body("candidateVersion", equalTo("preview-1"))
                .body("candidate", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("unchanged", equalTo(false))
                .body("diff.agreements.added", hasSize(0))
                .body("diff.agreements.removed", hasSize(0))
                .body("diff.agreements.changed", hasSize(1))
                .body("diff.agreements.changed[0].id", equalTo("prisons-to-probation-custody"))
                .body("diff.agreements.changed[0].terms", contains("purposes"))
                .body("diff.denyRules.added", contains("no-intelligence-to-partners"))
                .body("diff.denyRules.removed", contains("no-intelligence-reports-to-partners"))
                .body("diff.sections", hasSize(0))
                .extract().path("candidate");
        assertEquals(inForce, inForce(), "a preview puts nothing in force");

        given().auth().oauth2(PAT).post("/policy/v1/reload?candidate=" + candidate).then()
                .statusCode(200)
                .body("policyVersion", equalTo("preview-1"))
                .body("candidate", equalTo(candidate));
        given().auth().oauth2(PAT).get("/policy/v1/reload/preview").then()
                .statusCode(200).body("unchanged", equalTo(true)).body("candidate", equalTo(candidate));
    }

    @Test
    void aReloadOfAFileChangedSinceItsPreviewIsRefusedAndNothingChanges() throws IOException {
        Path file = directory.resolve("interlock-policy.yaml");
        Files.writeString(file, starterPolicy().replace("version: 2026-12-07.2", "version: previewed"));
        String previewed = given().auth().oauth2(PAT).get("/policy/v1/reload/preview").then().statusCode(200)
                .extract().path("candidate");
        String inForce = inForce();

        Files.writeString(file, starterPolicy().replace("version: 2026-12-07.2", "version: previewed")
                + "# edited after the preview\n");
        given().auth().oauth2(PAT).post("/policy/v1/reload?candidate=" + previewed).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:conflict"))
                .body("detail", containsString("changed since it was previewed"));
        assertEquals(inForce, inForce());

        given().auth().oauth2(PAT).post("/policy/v1/reload?candidate=sha256:abc").then()
                .statusCode(422).body("errors[0].field", equalTo("candidate"));
        assertEquals(inForce, inForce());
    }

    @Test
    void aPreviewOfAFileThatDoesNotLoadIsTheReloadsProblem() throws IOException {
        Files.writeString(directory.resolve("interlock-policy.yaml"),
                starterPolicy().replace("maxClassification: official-sensitive", "maxClassification: top-secret"));
        given().auth().oauth2(PAT).get("/policy/v1/reload/preview").then()
                .statusCode(422)
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors[0].field", matchesPattern(".*interlock-policy\\.yaml:[0-9]+"))
                .body("errors[0].message", containsString("unknown classification 'top-secret'"));
    }

    @Test
    void onlyAPolicyAdministratorPreviewsOrReloads() {
        for (String token : List.of(
                TestTokens.person("aud.auditor", "oversight", null, "secret", "auditor"),
                TestTokens.person("olivia.prison", "prisons", null, "official-sensitive", "offender-manager"),
                TestTokens.person("ana.analyst", "intelligence", null, "secret", "analyst"))) {
            given().auth().oauth2(token).get("/policy/v1/reload/preview").then().statusCode(403);
            given().auth().oauth2(token).post("/policy/v1/reload").then().statusCode(403);
        }
        given().get("/policy/v1/reload/preview").then().statusCode(401);
    }

    private static String inForce() {
        return given().auth().oauth2(PAT).get("/policy/v1/agreements").then().statusCode(200)
                .extract().path("policyVersion");
    }
}
