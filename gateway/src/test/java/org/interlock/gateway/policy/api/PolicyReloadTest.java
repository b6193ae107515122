package org.interlock.gateway.policy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        given().auth().oauth2(PAT).get("/policy/v1/agreements").then().body("policyVersion", equalTo("2026-12-06.1"));

        Files.writeString(file, good.replace("version: 2026-12-06.1", "version: 2026-12-06.2"));
        given().auth().oauth2(PAT).post("/policy/v1/reload").then()
                .statusCode(200)
                .body("policyVersion", equalTo("2026-12-06.2"))
                .body("previousVersion", equalTo("2026-12-06.1"));
        given().auth().oauth2(PAT).get("/policy/v1/agreements").then().body("policyVersion", equalTo("2026-12-06.2"));
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
}
