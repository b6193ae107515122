package org.interlock.gateway.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import net.jqwik.engine.SourceOfRandomness;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.gateway.catalogue.ServiceCatalogues;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway never sends a service a request that its catalogue does not declare, however the
 * caller writes the path: hostile request targets, sent byte for byte on a raw socket with a valid
 * token and purpose, are answered with a 4xx problem document, and the recording upstream receives
 * nothing outside the catalogues (a declared method and path template, a declared query). A fixed
 * corpus of the nastiest targets comes first; then thousands generated with jqwik (the seed is in
 * every failure message; rerun one with {@code -Dinterlock.fuzz.seed=...}).
 */
@QuarkusTest
@TestProfile(PathFuzzTest.Unlimited.class)
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class PathFuzzTest {

    /** Thousands of requests from one caller: the rate limit has its own test. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interlock.rate-limit.burst", "1000000", "interlock.rate-limit.requests-per-second", "1000000");
        }
    }

    private static final int GENERATED_TARGETS = 2_000;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT");
    private static final String OLIVIA = TestTokens.person("olivia.prison", "prisons", null, "official-sensitive",
            "offender-manager");
    private static final String ID = HostileRequests.UUID_TEXT;
    private static final String PERSON = HostileRequests.PERSON;
    private static final String EPISODES = "/api/v1/prisons/custody-episodes";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 3986 path and query characters (pchar, "/" and "?"), percent-encodings well formed. */
    private static final java.util.regex.Pattern ORIGIN_FORM = java.util.regex.Pattern.compile(
            "/([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*");

    @Inject
    ServiceCatalogues catalogues;

    @TestHTTPResource("/")
    URL gateway;

    static Stream<Arguments> nastiest() {
        return Stream.of(
                nasty("encoded slashes into another collection", "GET", EPISODES + "/..%2Fincidents%2F" + ID, 400),
                nasty("encoded slashes and dots to the service's /q", "GET", EPISODES + "/%2e%2e%2f%2e%2e%2fq%2fhealth", 400),
                nasty("double-encoded traversal", "GET", EPISODES + "/%252e%252e%252f%252e%252e%252fschemas", 400),
                nasty("literal dot segments to the gateway's /q", "GET", EPISODES + "/../../../../q/openapi", 400),
                nasty("literal dot segments to another agency", "GET",
                        "/api/v1/prisons/../intelligence/reports/" + ID, 400),
                nasty("single dot segment", "GET", EPISODES + "/./" + ID, 400),
                invalidHttp("backslash traversal", "GET", EPISODES + "\\..\\..\\q\\health", 400),
                nasty("encoded backslash traversal", "GET", EPISODES + "%5c..%5c" + "incidents", 400),
                nasty("matrix parameter on a collection", "GET", EPISODES + ";jsessionid=0/" + ID, 400),
                nasty("Tomcat-style ..;/ traversal", "GET", EPISODES + "/..;/..;/intelligence/api/v1/reports/" + ID, 400),
                nasty("overlong UTF-8 slash", "GET", EPISODES + "/..%c0%af..%c0%afq%c0%afhealth", 400),
                nasty("overlong UTF-8 dots", "GET", EPISODES + "/%c0%ae%c0%ae/incidents", 400),
                nasty("encoded NUL ending an id", "GET", EPISODES + "/" + ID + "%00.json", 400),
                invalidHttp("raw NUL byte in an id", "GET", EPISODES + "/" + ID + "\u0000", 400),
                invalidHttp("raw escape byte", "GET", EPISODES + "/\u001b[31m", 400),
                nasty("encoded line break", "GET", EPISODES + "/" + ID + "%0d%0aX-Injected:%20yes", 400),
                nasty("empty segment", "GET", "/api/v1/prisons//custody-episodes/" + ID, 400),
                nasty("trailing slash", "GET", EPISODES + "/", 400),
                nasty("over-long id", "GET", EPISODES + "/" + "a".repeat(129), 400),
                nasty("over-long UUID-like id", "PUT", EPISODES + "/" + (ID + "-").repeat(6) + "/release-date", 400),
                invalidHttp("fullwidth solidus (raw UTF-8)", "GET", EPISODES + HostileRequests.utf8("\uff0f") + ID, 400),
                nasty("division slash, encoded", "GET", EPISODES + "%e2%88%95" + ID, 400),
                invalidHttp("one-dot leaders as a dot segment", "GET", EPISODES + "/" + HostileRequests.utf8("\u2024\u2024")
                        + "/incidents", 400),
                nasty("an encoded letter in a collection name", "GET", "/api/v1/prisons/%63ustody-episodes/" + ID, 400),
                nasty("the agency in upper case", "GET", "/api/v1/PRISONS/custody-episodes/" + ID, 404),
                nasty("a collection in mixed case", "GET", "/api/v1/prisons/Custody-Episodes/" + ID, 404),
                nasty("an upper-case UUID", "GET", EPISODES + "/" + ID.toUpperCase(java.util.Locale.ROOT), 404),
                nasty("a path the service has but the catalogue does not", "GET", "/api/v1/prisons/schemas", 404),
                nasty("a method the template does not declare", "PUT", EPISODES + "/" + ID, 404),
                nasty("a write on a read-only path", "POST", "/api/v1/partners/received-events", 404),
                nasty("another agency's collection under prisons", "GET", "/api/v1/prisons/reports/" + ID, 404),
                nasty("absolute-form target with traversal", "GET",
                        "http://127.0.0.1" + EPISODES + "/..%2F..%2Fq%2Fhealth", 400),
                invalidHttp("a target that is not a path", "GET", "api/v1/prisons/custody-episodes/" + ID, 404),
                nasty("duplicate person parameter", "GET", EPISODES + "?person=" + PERSON + "&person=" + PERSON, 400),
                nasty("parameter pollution through an encoded &", "GET",
                        EPISODES + "?person=" + PERSON + "%26person%3Durn:interlock:person:" + ID.replace('6', '7'), 422),
                nasty("an unknown parameter", "GET", EPISODES + "?person=" + PERSON + "&include=securityCategory", 400),
                nasty("an encoded parameter name", "GET", EPISODES + "?%70erson=" + PERSON, 400),
                nasty("a plus where the service might read a space", "GET", EPISODES + "?person=+" + PERSON, 422),
                nasty("traversal in a query value", "GET", EPISODES + "?person=..%2F..%2Fq%2Fhealth", 422),
                nasty("a NUL in a query value", "GET", EPISODES + "?person=" + PERSON + "%00", 400),
                nasty("a parameter without a value", "GET", EPISODES + "?person", 400),
                nasty("a query on a write that declares none", "POST", EPISODES + "?person=" + PERSON, 400));
    }

    /** Refused by the gateway (its path hygiene, its reading of /api/v1 or the catalogue): a problem document. */
    private static Arguments nasty(String why, String method, String target, int status) {
        return Arguments.of(why, method, target, status, true);
    }

    /**
     * Not HTTP at all (a byte RFC 9112 does not allow in a request target, or a target that is not
     * a path): refused by the HTTP server before any Interlock code runs, with an empty answer.
     */
    private static Arguments invalidHttp(String why, String method, String target, int status) {
        return Arguments.of(why, method, target, status, false);
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("nastiest")
    void theNastiestTargetsAreRefusedBeforeAnyServiceSeesThem(String why, String method, String target, int status,
            boolean problem) {
        int mark = UpstreamStub.receivedCount();
        RawHttp.Answer answer = send(method, target);

        assertEquals(status, answer.status(), why + ": " + answer);
        assertEquals(List.of(), problem ? problemFaults(answer) : refusedByHttpServerFaults(target, answer),
                why + ": " + answer);
        assertEquals(List.of(), UpstreamStub.receivedSince(mark), why + ": a service saw it");
    }

    @Test
    void aPlainCatalogueRequestOnTheSameSocketDoesReachTheService() {
        int mark = UpstreamStub.receivedCount();
        RawHttp.Answer answer = send("GET", EPISODES + "/" + ID);

        assertEquals(404, answer.status(), "the stub knows no such episode: " + answer);
        assertEquals(List.of(new UpstreamStub.Received("GET", "/prisons/api/v1/custody-episodes/" + ID, null)),
                UpstreamStub.receivedSince(mark));
    }

    @Test
    void noGeneratedTargetReachesAServiceOutsideTheCatalogue() {
        String seed = System.getProperty("interlock.fuzz.seed", SourceOfRandomness.createRandomSeed());
        // jqwik's own engine cannot run a @QuarkusTest: its arbitraries are used as generators,
        // on a random source seeded here so that a failure can be replayed.
        SourceOfRandomness.create(seed);
        List<String> targets = new HostileRequests(catalogues).targets().sampleStream().limit(GENERATED_TARGETS).toList();
        CatalogueScope scope = new CatalogueScope(catalogues);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int named = 0;
        int forwarded = 0;
        int refusedByServer = 0;
        long started = System.nanoTime();

        for (String target : targets) {
            for (String method : METHODS) {
                Optional<Catalogue.Match> match = scope.named(method, target);
                int mark = UpstreamStub.receivedCount();
                RawHttp.Answer answer = send(method, target);
                List<UpstreamStub.Received> received = UpstreamStub.receivedSince(mark);
                statuses.merge(answer.status(), 1, Integer::sum);
                named += match.isPresent() ? 1 : 0;
                forwarded += received.isEmpty() ? 0 : 1;
                boolean bare = answer.contentType().isEmpty() && answer.body().isEmpty();
                List<String> faults = new ArrayList<>(bare ? refusedByHttpServerFaults(target, answer)
                        : problemFaults(answer));
                refusedByServer += bare ? 1 : 0;
                if (!allowed(method, match).contains(answer.status())) {
                    faults.add("status " + answer.status() + " (allowed " + allowed(method, match) + ")");
                }
                received.stream().filter(r -> !scope.allows(r)).forEach(r -> faults.add("the service received " + r));
                if (match.isEmpty() && !received.isEmpty()) {
                    faults.add("a target outside the catalogue reached a service: " + received);
                }
                if (!faults.isEmpty() && failures.size() < 25) {
                    failures.add(method + " " + RawHttp.printable(target) + " -> " + answer + ": " + faults);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int sent = targets.size() * METHODS.size();
        System.out.printf("path fuzz: seed %s, %d requests in %d ms, %d named a catalogue operation, %d reached a"
                + " service, %d refused by the HTTP server as invalid HTTP; statuses %s%n", seed, sent, millis, named,
                forwarded, refusedByServer, statuses);

        assertEquals(List.of(), failures, "seed " + seed);
        assertTrue(forwarded > 0 && statuses.getOrDefault(400, 0) > sent / 2,
                "the generator must produce both refused and forwarded requests (seed " + seed + "): " + statuses);
    }

    /**
     * What the gateway may answer: a target naming no operation is a 400 (not a plain path) or a
     * 404 (no such operation); one naming an operation may also be 422 (a query value of the wrong
     * type) or, for a change, 403 (refused). The stub knows no record here, so never 2xx.
     */
    private static Set<Integer> allowed(String method, Optional<Catalogue.Match> match) {
        if (match.isEmpty()) {
            return Set.of(400, 404);
        }
        return method.equals("GET") ? Set.of(400, 404, 422) : Set.of(400, 403, 404, 422);
    }

    /**
     * What is wrong with an empty answer as the HTTP server's own refusal (Vert.x answers a request
     * it cannot read as HTTP with an empty 400 and closes the connection; Quarkus offers no hook to
     * make that a problem document): allowed only for a target that is not an RFC 3986 origin-form
     * target, which no client of Interlock sends.
     */
    private static List<String> refusedByHttpServerFaults(String target, RawHttp.Answer answer) {
        if (ORIGIN_FORM.matcher(target).matches()) {
            return List.of("an empty answer to a valid HTTP request target (no problem document)");
        }
        return answer.status() == (target.charAt(0) == '/' ? 400 : 404)
                && "close".equals(answer.headers().get("connection")) ? List.of()
                : List.of("not the HTTP server's refusal: " + answer);
    }

    /** What is wrong with the answer as a problem document (RFC 9457, Interlock's type URNs); empty when nothing. */
    private static List<String> problemFaults(RawHttp.Answer answer) {
        List<String> faults = new ArrayList<>();
        if (!answer.contentType().startsWith("application/problem+json")) {
            faults.add("content type " + answer.contentType());
            return faults;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status()) {
                faults.add("problem status " + problem.path("status"));
            }
            if (!problem.path("type").asText().startsWith("urn:interlock:problem:")) {
                faults.add("problem type " + problem.path("type"));
            }
        } catch (java.io.IOException e) {
            faults.add("not JSON");
        }
        return faults;
    }

    private RawHttp.Answer send(String method, String target) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + OLIVIA);
        headers.put("X-Purpose-Of-Use", "case-management");
        String body = null;
        if (!method.equals("GET")) {
            headers.put("Content-Type", "application/json");
            body = "{\"person\":\"" + PERSON + "\",\"prisonNumber\":\"A1234BC\",\"establishment\":\"HMP Leeds\"}";
        }
        return new RawHttp(gateway.getPort()).send(method, target, headers, body);
    }
}
