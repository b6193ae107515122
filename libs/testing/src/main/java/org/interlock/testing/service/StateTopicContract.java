package org.interlock.testing.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.contracts.Topics;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.StateTopicAssertions;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The allocations every agency service keeps (libs/agency-service) on its compacted state topic
 * (ADR 0012): an allocation made is there as its started event, in the same outbox transaction;
 * ending it leaves a tombstone, so that the topic holds the allocations in force and nothing else.
 * A service's test extends it as a {@code @QuarkusTest} with {@code KafkaPostgresResource}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StateTopicContract {

    private static final Duration PUBLISHED = Duration.ofSeconds(20);

    private TopicRecorder events;
    private TopicRecorder state;

    protected abstract Agency agency();

    /** The allocation role of this agency's staff, e.g. OFFENDER_MANAGER. */
    protected abstract String allocationRole();

    @BeforeAll
    void record() {
        events = new TopicRecorder(Topics.events(agency()));
        state = new TopicRecorder(Topics.state(agency()));
    }

    @AfterAll
    void stop() {
        events.close();
        state.close();
    }

    @Test
    void anAllocationIsOnTheStateTopicAsItsStartedEventUntilItsEndLeavesATombstone() {
        String person = PersonReference.random();
        String id = ServiceRequests.asGateway()
                .body(Map.of("person", person, "staff", "sam.staff", "role", allocationRole(),
                        "startsOn", LocalDate.now().toString()))
                .post("/api/v1/allocations").then().statusCode(201).extract().path("id");
        String key = "allocation:" + id;

        await().atMost(PUBLISHED).until(() -> events.about(person).size() == 1 && state.keyed(key).size() == 1);
        StateTopicAssertions.assertStateIs(state.keyed(key).get(0), events.about(person).get(0), key);

        ServiceRequests.asGateway().body(Map.of("endsOn", LocalDate.now().toString()))
                .post("/api/v1/allocations/" + id + "/end").then().statusCode(200)
                .body("endsOn", equalTo(LocalDate.now().toString()));

        await().atMost(PUBLISHED).until(() -> events.about(person).size() == 2 && state.keyed(key).size() == 2);
        List<ConsumerRecord<String, String>> kept = state.keyed(key);
        StateTopicAssertions.assertTombstone(kept.get(1), key);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> state.keyed(key).size() == 2);
    }
}
