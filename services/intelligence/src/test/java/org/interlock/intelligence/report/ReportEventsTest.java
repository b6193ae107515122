package org.interlock.intelligence.report;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.intelligence.IntelligenceEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A report travels as secret with its handling code; its sanitised summary carries none of its content. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "intelligence"))
class ReportEventsTest {

    static RequestSpecification asGateway() {
        return ServiceRequests.asGateway();
    }

    @Test
    void aReportIsSecretWithItsHandlingCodeAndItsSummaryCarriesNoneOfItsContent() {
        try (TopicRecorder events = new TopicRecorder("interlock.intelligence.events")) {
            String person = PersonReference.random();
            Map<String, Object> report = new HashMap<>(Map.of("person", person, "sourceEvaluation", 2,
                    "intelligenceAssessment", "B", "handlingCode", "C", "handlingConditions", "Not to be shared with partners",
                    "content", "Subject met a known facilitator on 3 March.", "reportedOn", "2026-03-04"));
            String id = asGateway().body(report).post("/api/v1/reports").then().statusCode(201).extract().path("id");
            asGateway().body(Map.of("summary", "Continued contact with extremist associates."))
                    .post("/api/v1/reports/" + id + "/sanitised-summary").then().statusCode(200);

            asGateway().get("/api/v1/reports/" + id).then().statusCode(200)
                    .body("handlingCode", equalTo("C"))
                    .body("sanitisedSummary", equalTo("Continued contact with extremist associates."));

            await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
            ConsumerRecord<String, String> filed = events.about(person).get(0);
            CloudEventAssertions.assertInterlockEvent(filed, IntelligenceEvents.REPORT_FILED, person);
            assertEquals("secret", TopicRecorder.header(filed, "ce_classification"));
            assertEquals("C", TopicRecorder.header(filed, "ce_handling"));

            ConsumerRecord<String, String> summary = events.about(person).get(1);
            JsonNode data = CloudEventAssertions.assertInterlockEvent(summary, IntelligenceEvents.SUMMARY_RELEASED, person);
            assertEquals("official-sensitive", TopicRecorder.header(summary, "ce_classification"));
            assertEquals("P", TopicRecorder.header(summary, "ce_handling"));
            assertFalse(summary.value().contains("facilitator"), "the summary must not carry the report's content");
            assertEquals("Continued contact with extremist associates.", data.path("sanitisedSummary").asText());
        }
    }

    @Test
    void handlingCodeCWithoutConditionsIsRefused() {
        asGateway().body(Map.of("person", PersonReference.random(), "sourceEvaluation", 1, "intelligenceAssessment", "A",
                        "handlingCode", "C", "content", "x", "reportedOn", "2026-03-04"))
                .post("/api/v1/reports").then()
                .statusCode(422)
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", hasItem("handlingConditions"));
    }
}
