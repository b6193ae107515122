package org.interlock.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KeycloakTokens;
import org.interlock.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile request targets against the gateway as deployed (issue 12: path safety): each sent byte
 * for byte on a raw socket with a real Keycloak token of {@code olivia.prison} and a purpose, each
 * answered 400 or 404 by the gateway itself, and none reaching any agency service — which the
 * services' own request counters show (and which a plain catalogue request, sent the same way, is
 * seen to move).
 */
class HostilePathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = UUID.randomUUID().toString();
    private static final String EPISODES = "/api/v1/prisons/custody-episodes";
    private static final String MALFORMED = "urn:interlock:problem:malformed-request";
    private static final String NOT_FOUND = "urn:interlock:problem:not-found";
    private static String token;
    private static int port;

    @BeforeAll
    static void olivia() {
        port = URI.create(TestStack.shared().gatewayUrl()).getPort();
        token = KeycloakTokens.accessToken("olivia.prison");
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                refused("encoded slashes into another collection", "GET", EPISODES + "/..%2Fincidents%2F" + ID, MALFORMED),
                refused("encoded slashes and dots to the service's /q", "GET", EPISODES + "/%2e%2e%2f%2e%2e%2fq%2fhealth",
                        MALFORMED),
                refused("upper-case encoded slashes to another agency", "GET",
                        EPISODES + "/..%2F..%2Fintelligence%2Freports%2F" + ID, MALFORMED),
                refused("double-encoded traversal", "GET", EPISODES + "/%252e%252e%252f%252e%252e%252fschemas", MALFORMED),
                refused("literal dot segments to the service's /q", "GET", EPISODES + "/../../../../q/health", MALFORMED),
                refused("literal dot segments to another agency", "GET", "/api/v1/prisons/../intelligence/reports/" + ID,
                        MALFORMED),
                refused("encoded dot segments to another agency", "GET",
                        "/api/v1/prisons/%2e%2e/intelligence/reports/" + ID, MALFORMED),
                refused("a single dot segment", "GET", EPISODES + "/./" + ID, MALFORMED),
                notHttp("backslash traversal", "GET", EPISODES + "\\..\\..\\q\\health"),
                refused("encoded backslash traversal", "GET", EPISODES + "%5c..%5cincidents", MALFORMED),
                refused("encoded backslashes to another agency", "GET",
                        EPISODES + "/..%5c..%5cintelligence%5creports%5c" + ID, MALFORMED),
                refused("a matrix parameter on a collection", "GET", EPISODES + ";jsessionid=0/" + ID, MALFORMED),
                refused("a semicolon ending an id", "GET", EPISODES + "/" + ID + ";.json", MALFORMED),
                refused("..;/ traversal", "GET", EPISODES + "/..;/..;/intelligence/api/v1/reports/" + ID, MALFORMED),
                refused("an encoded semicolon", "GET", EPISODES + "/" + ID + "%3bx=1", MALFORMED),
                refused("overlong UTF-8 slashes", "GET", EPISODES + "/..%c0%af..%c0%afq%c0%afhealth", MALFORMED),
                refused("an encoded NUL ending an id", "GET", EPISODES + "/" + ID + "%00.json", MALFORMED),
                refused("an encoded line break", "GET", EPISODES + "/" + ID + "%0d%0aX-Injected:%20yes", MALFORMED),
                refused("an empty segment", "GET", "/api/v1/prisons//custody-episodes/" + ID, MALFORMED),
                refused("a trailing slash", "GET", EPISODES + "/", MALFORMED),
                refused("an over-long id", "GET", EPISODES + "/" + "a".repeat(129), MALFORMED),
                refused("an encoded letter in a collection name", "GET", "/api/v1/prisons/%63ustody-episodes/" + ID,
                        MALFORMED),
                refused("an encoded slash in a write", "PUT", EPISODES + "/" + ID + "%2Frelease-date", MALFORMED),
                refused("a dot segment in a write to the partners", "POST",
                        "/api/v1/partners/organisations/horizon-mentoring/../../consents", MALFORMED),
                refused("a path the service has but the catalogue does not", "GET", "/api/v1/prisons/schemas", NOT_FOUND),
                refused("another agency's collection under prisons", "GET", "/api/v1/prisons/reports/" + ID, NOT_FOUND),
                refused("a method the path does not declare", "PUT", EPISODES + "/" + ID, NOT_FOUND),
                refused("absolute form with encoded traversal", "GET",
                        "http://127.0.0.1" + EPISODES + "/..%2F..%2Fq%2Fhealth", MALFORMED));
    }

    /** Refused by the gateway with a problem document of this type (400 malformed, 404 not found). */
    private static Arguments refused(String why, String method, String target, String type) {
        return Arguments.of(why, method, target, type.equals(MALFORMED) ? 400 : 404, type);
    }

    /** Not HTTP at all (a byte RFC 9112 forbids in a target): the HTTP server's own empty 400, before Interlock. */
    private static Arguments notHttp(String why, String method, String target) {
        return Arguments.of(why, method, target, 400, null);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("corpus")
    void aHostileTargetIsRefusedByTheGatewayAndReachesNoService(String why, String method, String target, int status,
            String problemType) throws IOException {
        Map<String, Long> before = ServiceTraffic.answered();

        RawHttp.Answer answer = send(method, target);

        assertEquals(before, ServiceTraffic.answered(), why + ": a service answered it (" + answer + ")");
        assertEquals(status, answer.status(), why + ": " + answer);
        if (problemType == null) {
            assertEquals("", answer.body(), why + ": " + answer);
            assertEquals("close", answer.headers().get("connection"), why + ": " + answer);
        } else {
            assertTrue(answer.contentType().startsWith("application/problem+json"), why + ": " + answer);
            JsonNode problem = JSON.readTree(answer.body());
            assertEquals(problemType, problem.path("type").asText(), why + ": " + answer);
            assertEquals(status, problem.path("status").asInt(), why + ": " + answer);
        }
    }

    /** The counters see what the gateway forwards: a plain read of an episode nobody recorded reaches prisons once. */
    @Test
    void aPlainCatalogueTargetSentTheSameWayReachesTheService() throws IOException {
        Map<String, Long> before = ServiceTraffic.answered();

        RawHttp.Answer answer = send("GET", EPISODES + "/" + ID);

        assertEquals(404, answer.status(), answer.toString());
        assertEquals(NOT_FOUND, JSON.readTree(answer.body()).path("type").asText(), answer.toString());
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("prisons", 1L, Long::sum);
        assertEquals(expected, ServiceTraffic.answered());
    }

    private static RawHttp.Answer send(String method, String target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("X-Purpose-Of-Use", "case-management");
        String body = null;
        if (!method.equals("GET")) {
            headers.put("Content-Type", "application/json");
            body = "{\"person\":\"" + PersonReference.random() + "\",\"releaseDate\":\"2027-01-01\"}";
        }
        return new RawHttp(port).send(method, target, headers, body);
    }
}
