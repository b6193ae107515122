package org.interlock.probation.supervision;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.probation.ProbationEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class SupervisionApiTest {

    static RequestSpecification asGateway() {
        return ServiceRequests.asGateway();
    }

    @Test
    void openingACaseSettingMappaAndImposingAConditionAreReadableAndEachPublishedOnce() {
        try (TopicRecorder events = new TopicRecorder("interlock.probation.events")) {
            String person = PersonReference.random();
            String id = asGateway().body(Map.of("person", person, "basis", "LICENCE", "openedOn", "2026-12-01"))
                    .post("/api/v1/supervision-cases").then().statusCode(201).extract().path("id");
            asGateway().body(Map.of("category", 4, "level", 3))
                    .put("/api/v1/supervision-cases/" + id + "/mappa").then().statusCode(200);
            asGateway().body(Map.of("kind", "EXCLUSION_ZONE", "details", "Must not enter the area bounded by ...",
                            "startsOn", "2026-12-01"))
                    .post("/api/v1/supervision-cases/" + id + "/licence-conditions").then().statusCode(201);

            asGateway().get("/api/v1/supervision-cases/" + id).then().statusCode(200)
                    .body("mappaCategory", equalTo(4)).body("mappaLevel", equalTo(3)).body("status", equalTo("OPEN"));
            asGateway().get("/api/v1/supervision-cases/" + id + "/licence-conditions").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].kind", equalTo("EXCLUSION_ZONE"));

            await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 3);
            List<ConsumerRecord<String, String>> published = events.about(person);
            CloudEventAssertions.assertInterlockEvent(published.get(0), ProbationEvents.CASE_OPENED, person);
            JsonNode mappa = CloudEventAssertions.assertInterlockEvent(published.get(1), ProbationEvents.MAPPA_SET, person);
            assertEquals(4, mappa.path("mappaCategory").asInt());
            CloudEventAssertions.assertInterlockEvent(published.get(2), ProbationEvents.CONDITION_IMPOSED, person);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).size() == 3);
        }
    }

    @Test
    void aSecondOpenCaseForThePersonIsAConflict() {
        String person = PersonReference.random();
        Map<String, String> open = Map.of("person", person, "basis", "COMMUNITY_SENTENCE", "openedOn", "2026-06-01");
        asGateway().body(open).post("/api/v1/supervision-cases").then().statusCode(201);
        asGateway().body(open).post("/api/v1/supervision-cases").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));
    }
}
