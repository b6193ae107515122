package org.interlock.probation.conference;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.probation.ProbationEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.StateTopicAssertions;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.service.WhoActsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Case conferences (ADR 0019): convened with their state on the state topic, cancelled with a
 * tombstone, minuted by the chair only, actions for the agencies and organisations they name and
 * raised as overdue past their date. Bad input is a problem and records nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferenceTest {

    private static final TestActor CHAIR = TestActor.of("tara.probationlead", "probation", null, "team-manager");
    private static final TestActor OFFICER = TestActor.of("peter.probation", "probation", null, "probation-officer");
    private static final Set<String> TERMS = Set.of("id", "person", "meetsAt", "chair", "invitees", "organisations",
            "purpose", "convenedBy", "status", "cancelledReason");
    private static final Set<String> ACTION = Set.of("id", "conferenceId", "person", "owner", "assignee",
            "description", "dueOn", "status", "assignedBy", "outcome");

    private TopicRecorder events;
    private TopicRecorder state;

    @BeforeAll
    void record() {
        events = new TopicRecorder("interlock.probation.events");
        state = new TopicRecorder("interlock.probation.state");
    }

    @AfterAll
    void stop() {
        events.close();
        state.close();
    }

    @Test
    void aConventionPublishesItsTermsAndItsStateAndACancellationATombstone() {
        String person = PersonReference.random();
        String id = convene(person, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3));

        ConsumerRecord<String, String> convened = awaitEvents(person, 1).getFirst();
        JsonNode data = CloudEventAssertions.assertInterlockEvent(convened,
                ProbationEvents.CONFERENCE_CONVENED, person);
        assertEquals(TERMS, WhoActsContract.keys(data));
        assertEquals(CHAIR.username(), data.path("convenedBy").asText());
        assertEquals(List.of("mia.mentor", "olivia.prison"), texts(data.path("invitees")));
        String key = "conference:" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> state.keyed(key).size() == 1);
        StateTopicAssertions.assertStateIs(state.keyed(key).getFirst(), convened, key);

        ServiceRequests.asGatewayFor(OFFICER).body(Map.of("reason", "the person was recalled"))
                .post("/api/v1/conferences/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        ServiceRequests.asGatewayFor(OFFICER).body(Map.of("reason", "again"))
                .post("/api/v1/conferences/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");

        JsonNode cancelled = CloudEventAssertions.assertInterlockEvent(awaitEvents(person, 2).get(1),
                ProbationEvents.CONFERENCE_CANCELLED, person);
        assertEquals("the person was recalled", cancelled.path("cancelledReason").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> state.keyed(key).size() == 2);
        StateTopicAssertions.assertTombstone(state.keyed(key).get(1), key);
    }

    @Test
    void aConferenceInThePastOrWithoutAChairIsRefusedAndNothingIsRecorded() {
        String person = PersonReference.random();
        Map<String, Object> past = convention(person, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        ServiceRequests.asGatewayFor(CHAIR).body(past).post("/api/v1/conferences").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("meetsAt"));

        Map<String, Object> chairless = convention(person, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        chairless.remove("chair");
        ServiceRequests.asGatewayFor(CHAIR).body(chairless).post("/api/v1/conferences").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("chair"));

        ServiceRequests.asGateway().get("/api/v1/conferences?person=" + person).then().statusCode(200).body("$", hasSize(0));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).isEmpty());
    }

    @Test
    void onlyTheChairMinutesAMeetingThatHasBegun() {
        String person = PersonReference.random();
        String id = convene(person, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        Map<String, String> minutes = Map.of("minutes", "Risk discussed; actions agreed.");

        ServiceRequests.asGatewayFor(CHAIR).body(minutes).put("/api/v1/conferences/" + id + "/minutes").then()
                .statusCode(409).contentType("application/problem+json");
        // The meeting begins.
        TestDatabase.execute("probation", "UPDATE conference SET meets_at = now() - interval '1 hour' WHERE id = '" + id + "'");
        ServiceRequests.asGatewayFor(OFFICER).body(minutes).put("/api/v1/conferences/" + id + "/minutes").then()
                .statusCode(403).contentType("application/problem+json");
        ServiceRequests.asGatewayFor(CHAIR).body(minutes).put("/api/v1/conferences/" + id + "/minutes").then()
                .statusCode(200).body("minutes", equalTo("Risk discussed; actions agreed."));

        ConsumerRecord<String, String> minuted = awaitEvents(person, 2).get(1);
        JsonNode data = CloudEventAssertions.assertInterlockEvent(minuted,
                ProbationEvents.CONFERENCE_MINUTED, person);
        assertEquals(Set.of("id", "person", "minutes", "minutesRecordedAt"), WhoActsContract.keys(data));
        assertEquals("official-sensitive", TopicRecorder.header(minuted, "ce_classification"));
    }

    @Test
    void anActionIsForAnOwnerTheConferenceNamesAndIsRaisedOnceWhenOverdue() {
        String person = PersonReference.random();
        String id = convene(person, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();

        ServiceRequests.asGatewayFor(CHAIR).body(Map.of("description", "Arrange a mentor session", "dueOn", due))
                .post("/api/v1/conferences/" + id + "/actions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("owner"));
        ServiceRequests.asGatewayFor(CHAIR).body(Map.of("owner", "org:faith-bridge", "description", "x", "dueOn", due))
                .post("/api/v1/conferences/" + id + "/actions").then().statusCode(422)
                .body("errors[0].field", equalTo("owner"));
        String action = ServiceRequests.asGatewayFor(CHAIR)
                .body(Map.of("owner", "org:horizon-mentoring", "assignee", "mia.mentor",
                        "description", "Arrange a mentor session", "dueOn", due))
                .post("/api/v1/conferences/" + id + "/actions").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");

        ConsumerRecord<String, String> assigned = awaitEvents(person, 2).get(1);
        JsonNode data = CloudEventAssertions.assertInterlockEvent(assigned,
                ProbationEvents.ACTION_ASSIGNED, person);
        assertEquals(ACTION, WhoActsContract.keys(data));
        assertEquals("org:horizon-mentoring", data.path("owner").asText());

        // The due date passes.
        TestDatabase.execute("probation", "UPDATE conference_action SET due_on = current_date - 1 WHERE id = '" + action + "'");
        await().atMost(Duration.ofSeconds(30)).until(() -> events.about(person).size() == 3);
        ConsumerRecord<String, String> overdue = events.about(person).get(2);
        assertEquals("OVERDUE", CloudEventAssertions.assertInterlockEvent(overdue,
                ProbationEvents.ACTION_OVERDUE, person).path("status").asText());
        assertEquals("system:probation", TopicRecorder.header(overdue, "ce_recordedby"));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> events.about(person).size() == 3);
        ServiceRequests.asGateway().get("/api/v1/conferences/" + id + "/actions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("OVERDUE"));
    }

    private String convene(String person, OffsetDateTime meetsAt) {
        return ServiceRequests.asGatewayFor(CHAIR).body(convention(person, meetsAt))
                .post("/api/v1/conferences").then().statusCode(201)
                .body("convenedBy", equalTo(CHAIR.username()))
                .body("status", equalTo("CONVENED"))
                .extract().path("id");
    }

    private static Map<String, Object> convention(String person, OffsetDateTime meetsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("person", person);
        body.put("meetsAt", meetsAt.toString());
        body.put("chair", CHAIR.username());
        body.put("invitees", List.of("olivia.prison", "mia.mentor", "olivia.prison"));
        body.put("organisations", List.of("prisons", "org:horizon-mentoring"));
        body.put("purpose", "MAPPA level 2 review before release");
        return body;
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String person, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(person).size() >= count);
        return events.about(person);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
