package org.interlock.probation.release;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.probation.ProbationEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A prisons release reaching probation's inbox opens one supervision case, however often it arrives. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class ReleaseReactionTest {

    private static final String RELEASE_DATE_SET = "org.interlock.prisons.custody.release-date-set.v1";

    @Test
    void aReleaseDateOpensOneSupervisionCaseEvenWhenDeliveredTwice() {
        try (TopicRecorder events = new TopicRecorder("interlock.probation.events")) {
            String person = PersonReference.random();
            String eventId = UUID.randomUUID().toString();
            String data = """
                    {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland","status":"IN_CUSTODY",
                     "securityCategory":"B","receivedOn":"2025-01-10","releaseDate":"2026-12-01","releasedOn":null}"""
                    .formatted(UUID.randomUUID(), person);
            deliver(eventId, person, data);
            deliver(eventId, person, data);
            deliver(UUID.randomUUID().toString(), person, data);

            await().atMost(Duration.ofSeconds(20)).until(() -> events.about(person).size() == 1);
            JsonNode opened = CloudEventAssertions.assertInterlockEvent(events.about(person).get(0),
                    ProbationEvents.CASE_OPENED, person);
            assertEquals("LICENCE", opened.path("basis").asText());
            assertEquals("2026-12-01", opened.path("openedOn").asText());
            assertEquals("system:probation", TopicRecorder.header(events.about(person).get(0), "ce_recordedby"),
                    "the service opened it by itself, in reaction to its inbox");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> events.about(person).size() == 1);

            given().auth().oauth2(TestTokens.gateway()).get("/api/v1/supervision-cases?person=" + person)
                    .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("OPEN"));
        }
    }

    private static void deliver(String id, String person, String data) {
        TopicWriter.send("interlock.inbox.probation", person, data, TopicWriter.cloudEventHeaders(id, RELEASE_DATE_SET,
                "/agencies/prisons", person, "custody.release", "official-sensitive"));
    }
}
