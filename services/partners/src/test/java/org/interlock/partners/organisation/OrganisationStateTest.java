package org.interlock.partners.organisation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.StateTopicAssertions;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner organisation's current state is on the partners' state topic (ADR 0012), from which
 * every gateway replica knows whether it is active: each registration, suspension and
 * reinstatement is there as its event, under the organisation's key.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class OrganisationStateTest {

    private static TopicRecorder events;
    private static TopicRecorder state;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.partners.events");
        state = new TopicRecorder("interlock.partners.state");
    }

    @AfterAll
    static void stop() {
        events.close();
        state.close();
    }

    @Test
    void everyChangeOfAnOrganisationIsItsStateOnTheStateTopic() {
        String id = "trust-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "partner.organisation:" + id;
        ServiceRequests.asGateway().body(Map.of("id", id, "name", "Test Trust", "kind", "MENTORING"))
                .post("/api/v1/organisations").then().statusCode(201);
        ServiceRequests.asGateway().post("/api/v1/organisations/" + id + "/suspend").then().statusCode(200);
        ServiceRequests.asGateway().post("/api/v1/organisations/" + id + "/reinstate").then().statusCode(200);

        String subject = "urn:interlock:organisation:" + id;
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(subject).size() == 3 && state.keyed(key).size() == 3);
        List<ConsumerRecord<String, String>> published = events.about(subject);
        List<ConsumerRecord<String, String>> kept = state.keyed(key);
        for (int i = 0; i < 3; i++) {
            StateTopicAssertions.assertStateIs(kept.get(i), published.get(i), key);
        }
    }
}
