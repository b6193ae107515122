package org.interlock.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.interlock.gateway.enforcement.RawHttp;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A client over its rate gets 429 with Retry-After; another client is not held back. */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class RateLimitTest {

    @TestHTTPResource("/")
    URL gateway;

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interlock.rate-limit.burst", "5", "interlock.rate-limit.requests-per-second", "0.5");
        }
    }

    @Test
    void aClientOverItsRateIsToldWhenToRetryAndOthersAreNotHeldBack() {
        String pat = TestTokens.person("pat.admin", "oversight", null, "official", "policy-admin");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(pat).get("/policy/v1/agreements").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(pat).get("/policy/v1/agreements");
        assertEquals(429, refused.statusCode());
        assertEquals("urn:interlock:problem:rate-limited", refused.jsonPath().getString("type"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        String other = TestTokens.person("pat.other", "oversight", null, "official", "policy-admin");
        given().auth().oauth2(other).get("/policy/v1/agreements").then().statusCode(200)
                .body("policyVersion", equalTo("2026-12-07.2"));
    }

    @Test
    void beforeAuthenticationEachAddressHasItsOwnBucket() {
        RawHttp flooding = new RawHttp(gateway.getPort(), "127.0.0.2");
        for (int i = 0; i < 5; i++) {
            assertNotEquals(429, envelope(flooding).status());
        }
        assertEquals(429, envelope(flooding).status(), "the flooding address is held back");

        assertNotEquals(429, envelope(new RawHttp(gateway.getPort(), "127.0.0.3")).status(),
                "a peer at another address is not");
    }

    private static RawHttp.Answer envelope(RawHttp client) {
        return client.send("POST", "/federation/v1/envelopes", Map.of("Content-Type", "application/jose"), "x.y.z");
    }
}
