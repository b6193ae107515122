package org.interlock.testing.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.StateTopicAssertions;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restrictions as an agency service keeps them (prisons, probation, intelligence: libs/agency-service's
 * restriction feature): imposed and lifted by whoever acts, each change one event with exactly the
 * catalogue's fields. A service's test extends it as a {@code @QuarkusTest} with
 * {@code KafkaPostgresResource} and names its agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RestrictionContract {

    private static final Set<String> FIELDS = Set.of("id", "person", "staff", "reason", "imposedBy", "imposedOn",
            "liftedOn", "status");

    private TopicRecorder events;
    private TopicRecorder state;

    protected abstract Agency agency();

    /** A manager of this agency, who restricts. */
    protected abstract TestActor manager();

    @BeforeAll
    void record() {
        events = new TopicRecorder("interlock." + agency().id() + ".events");
        state = new TopicRecorder("interlock." + agency().id() + ".state");
    }

    @AfterAll
    void stop() {
        events.close();
        state.close();
    }

    @Test
    void aRestrictionIsImposedAndLiftedByWhoeverActsEachWithAnEventOfExactlyItsFields() {
        String person = PersonReference.random();
        String today = LocalDate.now().toString();
        String id = ServiceRequests.asGatewayFor(manager())
                .body(Map.of("person", person, "staff", List.of("ian.intel", "olivia.prison"), "reason", "Witness protection"))
                .post("/api/v1/restrictions").then().statusCode(201)
                .body("staff", equalTo(List.of("ian.intel", "olivia.prison")))
                .body("imposedBy", equalTo(manager().username()))
                .body("imposedOn", equalTo(today))
                .body("liftedOn", nullValue())
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");
        ServiceRequests.asGateway().get("/api/v1/restrictions?person=" + person).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id));

        TestActor lifter = TestActor.of("another.manager", agency().id(), null, "team-manager");
        ServiceRequests.asGatewayFor(lifter).post("/api/v1/restrictions/" + id + "/lift").then().statusCode(200)
                .body("status", equalTo("LIFTED")).body("liftedOn", equalTo(today))
                .body("imposedBy", equalTo(manager().username()));
        ServiceRequests.asGatewayFor(lifter).post("/api/v1/restrictions/" + id + "/lift").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));
        ServiceRequests.asGateway().get("/api/v1/restrictions/" + id).then().statusCode(200)
                .body("status", equalTo("LIFTED"));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
        List<ConsumerRecord<String, String>> published = events.about(person);
        JsonNode imposed = CloudEventAssertions.assertInterlockEvent(published.get(0), type("imposed"), person);
        assertEquals(FIELDS, WhoActsContract.keys(imposed));
        assertEquals("official-sensitive", TopicRecorder.header(published.get(0), "ce_classification"));
        assertEquals(manager().username(), TopicRecorder.header(published.get(0), "ce_recordedby"));
        JsonNode lifted = CloudEventAssertions.assertInterlockEvent(published.get(1), type("lifted"), person);
        assertEquals(FIELDS, WhoActsContract.keys(lifted));
        assertEquals(today, lifted.path("liftedOn").asText());
        assertEquals("another.manager", TopicRecorder.header(published.get(1), "ce_recordedby"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).size() == 2);
    }

    @Test
    void aRestrictionIsOnTheStateTopicAsImposedUntilLiftingLeavesATombstone() {
        String person = PersonReference.random();
        String id = ServiceRequests.asGatewayFor(manager())
                .body(Map.of("person", person, "staff", List.of("ian.intel"), "reason", "Witness protection"))
                .post("/api/v1/restrictions").then().statusCode(201).extract().path("id");
        String key = "restriction:" + id;
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 1 && state.keyed(key).size() == 1);
        StateTopicAssertions.assertStateIs(state.keyed(key).get(0), events.about(person).get(0), key);

        ServiceRequests.asGatewayFor(manager()).post("/api/v1/restrictions/" + id + "/lift").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> state.keyed(key).size() == 2);
        StateTopicAssertions.assertTombstone(state.keyed(key).get(1), key);
    }

    @ParameterizedTest(name = "staff {0}")
    @ValueSource(strings = {"[]", "[\"Ian Intel\"]", "[null]", "\"ian.intel\""})
    void aRestrictionWithoutStaffNamedByUsernameIs422AndLeavesNoTrace(String staff) {
        String person = PersonReference.random();
        ServiceRequests.asGatewayFor(manager())
                .body("{\"person\":\"" + person + "\",\"staff\":" + staff + ",\"reason\":\"x\"}")
                .post("/api/v1/restrictions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("staff")));

        assertEquals(0, TestDatabase.number(agency().id(), "SELECT count(*) FROM restriction WHERE person = '" + person + "'"));
        assertEquals(0, TestDatabase.number(agency().id(), "SELECT count(*) FROM outbox WHERE subject = '" + person + "'"));
    }

    @Test
    void liftingAnUnknownRestrictionIs404() {
        ServiceRequests.asGatewayFor(manager()).post("/api/v1/restrictions/" + UUID.randomUUID() + "/lift").then()
                .statusCode(404).body("type", equalTo("urn:interlock:problem:not-found"));
    }

    private EventType type(String verb) {
        return EventType.v1(agency(), "restriction", verb, "restriction", Classification.OFFICIAL_SENSITIVE);
    }
}
