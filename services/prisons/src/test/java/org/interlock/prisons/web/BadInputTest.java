package org.interlock.prisons.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is answered with its documented problem document and leaves no trace: no row in the
 * database, no event on Kafka, no stack trace in the answer.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class BadInputTest {

    private static final String PERSON = "urn:interlock:person:0b8a3f0e-5c55-4d0e-9a57-3f1b2b7d9c01";
    private static TopicRecorder events;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.prisons.events");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    static Stream<Arguments> badRequests() {
        String valid = """
                {"person":"%s","prisonNumber":"A1234BC","establishment":"HMP Leeds","securityCategory":"B","receivedOn":"2026-01-01"}"""
                .formatted(PERSON);
        return Stream.of(
                Arguments.of("malformed JSON", "/api/v1/custody-episodes", "{\"person\": ", 400, "malformed-request", null),
                Arguments.of("not JSON at all", "/api/v1/custody-episodes", "person=x", 400, "malformed-request", null),
                Arguments.of("missing fields", "/api/v1/custody-episodes", "{\"person\":\"" + PERSON + "\"}", 422, "validation-failed", "prisonNumber"),
                Arguments.of("wrong enum value", "/api/v1/custody-episodes", valid.replace("\"B\"", "\"Z\""), 422, "validation-failed", "securityCategory"),
                Arguments.of("wrong date", "/api/v1/custody-episodes", valid.replace("2026-01-01", "01/01/2026"), 422, "validation-failed", "receivedOn"),
                Arguments.of("person not a reference", "/api/v1/custody-episodes", valid.replace(PERSON, "A1234BC"), 422, "validation-failed", "person"),
                Arguments.of("wrong prison number", "/api/v1/custody-episodes", valid.replace("A1234BC", "123"), 422, "validation-failed", "prisonNumber"),
                Arguments.of("oversized body (limit 64 KiB)", "/api/v1/custody-episodes",
                        valid.replace("HMP Leeds", "x".repeat(70 * 1024)), 413, "payload-too-large", null),
                Arguments.of("unknown person (no custody here)", "/api/v1/incidents",
                        "{\"person\":\"" + PERSON + "\",\"kind\":\"VIOLENCE\",\"occurredOn\":\"2026-02-01\",\"summary\":\"x\"}",
                        422, "unknown-person", null));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("badRequests")
    void answeredWithAProblemAndLeavesNoTrace(String name, String path, String body, int status, String problem,
            String field) {
        var response = ServiceRequests.asGateway().body(body)
                .post(path).then().log().ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:" + problem))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }

        assertEquals(0, rows("SELECT count(*) FROM custody_episode WHERE person = '" + PERSON + "'"));
        assertEquals(0, rows("SELECT count(*) FROM incident"));
        assertEquals(0, rows("SELECT count(*) FROM outbox WHERE subject = '" + PERSON + "'"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> events.about(PERSON).isEmpty());
    }

    @ParameterizedTest(name = "unknown custody episode on {0}")
    @MethodSource("unknownEpisodePaths")
    void unknownEpisodeIs404(String path) {
        ServiceRequests.asGateway().body("{\"releaseDate\":\"2026-05-01\"}")
                .put(path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:not-found"));
    }

    static Stream<String> unknownEpisodePaths() {
        return Stream.of("/api/v1/custody-episodes/6c9a1a53-9d0d-4c32-9a8c-2f7f4e8b1e11/release-date");
    }

    private static long rows(String query) {
        return TestDatabase.number("prisons", query);
    }
}
