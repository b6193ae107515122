package org.interlock.probation.assessment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * Probation assesses the persons it supervises against a versioned factor set (issue 16, ADR 0018):
 * each assessment the next version, every factor rated, published with what changed since.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class ProbationAssessmentTest {

    private static final TestActor PETER = TestActor.of("peter.probation", "probation", null, "probation-officer");
    private static final EventType RECORDED = EventType.v1(Agency.PROBATION, "risk-assessment", "recorded",
            "risk.assessment", Classification.OFFICIAL_SENSITIVE);
    private static final List<String> FACTORS_V1 = List.of("grievance", "belonging", "immersion", "dehumanising-outlook",
            "harm-justified", "expressed-intent", "skills-and-means", "history-of-violence");

    @Test
    void eachAssessmentRatesItsFactorSetAndItsEventSaysWhatChanged() throws Exception {
        try (TopicRecorder events = new TopicRecorder("interlock.probation.events")) {
            String person = supervised();
            Map<String, Object> first = assessment(person, 1, "LOW", factors(1, "LOW"));
            String firstId = assess(first).then().statusCode(201).body("version", equalTo(1))
                    .body("previous", nullValue()).body("factorSet", equalTo("extremism-spj"))
                    .body("factors.size()", equalTo(8)).body("changes.size()", equalTo(0)).extract().path("id");

            Map<String, String> raised = factors(2, "LOW");
            raised.put("harm-justified", "HIGH");
            String second = assess(assessment(person, 2, "HIGH", raised)).then().statusCode(201)
                    .body("version", equalTo(2)).body("previous", equalTo(firstId)).body("factorSetVersion", equalTo(2))
                    .body("changes", equalTo(List.of(Map.of("domain", "intent", "from", "LOW", "to", "HIGH"),
                            Map.of("domain", "overall", "from", "LOW", "to", "HIGH"),
                            Map.of("domain", "intent", "factor", "harm-justified", "from", "LOW", "to", "HIGH"))))
                    .extract().path("id");

            await().atMost(Duration.ofSeconds(20)).until(() -> published(events, person, second) != null);
            JsonNode event = CloudEventAssertions.assertInterlockEvent(published(events, person, second), RECORDED, person);
            assertEquals(List.of("2", "HIGH", "9", "peter.probation"), List.of(event.path("version").asText(),
                    event.path("intent").asText(), String.valueOf(event.path("factors").size()), event.path("assessor").asText()));
        }
    }

    @Test
    void anAssessmentThatDoesNotRateItsFactorSetIsRefusedAndNothingRecorded() {
        String person = supervised();
        Map<String, String> missing = factors(1, "LOW");
        missing.remove("immersion");
        Map<String, String> unknown = factors(1, "LOW");
        unknown.put("associates", "LOW");
        Map<String, Object> domainOnly = assessment(person, 1, "LOW", null);
        domainOnly.remove("factorSet");
        domainOnly.remove("factorSetVersion");
        Map<String, String> tooHigh = factors(1, "LOW");

        refused(assessment(person, 7, "LOW", factors(1, "LOW")), "factorSet", "no factor set extremism-spj version 7 here");
        refused(assessment(person, 1, "LOW", missing), "factors.immersion",
                "is not rated: rate every factor of factor set extremism-spj version 1");
        refused(assessment(person, 1, "LOW", unknown), "factors.associates",
                "is not a factor of factor set extremism-spj version 1");
        refused(domainOnly, "factorSet", "must name the factor set the factors are rated against");
        refused(assessment(person, 1, "HIGH", tooHigh), "intent",
                "must lie between the lowest (LOW) and the highest (LOW) rating of its factors");
        tooHigh.put("grievance", "SEVERE");
        assess(assessment(person, 1, "LOW", tooHigh)).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", equalTo("must be one of [LOW, MODERATE, HIGH]"));
        ServiceRequests.asGatewayFor(PETER).queryParam("person", person).get("/api/v1/risk-assessments").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyASupervisedPersonIsAssessedAndOnlyByWhoeverRecordsIt() {
        assess(assessment(PersonReference.random(), 1, "LOW", factors(1, "LOW"))).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:interlock:problem:unknown-person"));
        Map<String, Object> inAColleaguesName = assessment(supervised(), 1, "LOW", factors(1, "LOW"));
        inAColleaguesName.put("assessor", "paula.probation");
        refused(inAColleaguesName, "assessor", "must be you, who record the assessment");
    }

    @Test
    void theFactorSetsAreReadable() {
        ServiceRequests.asGateway().get("/api/v1/factor-sets").then().statusCode(200)
                .body("id", equalTo(List.of("extremism-spj", "extremism-spj"))).body("version", equalTo(List.of(1, 2)));
        ServiceRequests.asGateway().get("/api/v1/factor-sets/extremism-spj/2").then().statusCode(200)
                .body("ratings", equalTo(List.of("LOW", "MODERATE", "HIGH")))
                .body("domains.id", equalTo(List.of("engagement", "intent", "capability")))
                .body("domains[2].factors.id", equalTo(List.of("skills-and-means", "history-of-violence", "associates")));
        ServiceRequests.asGateway().get("/api/v1/factor-sets/extremism-spj/3").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String supervised() {
        String person = PersonReference.random();
        ServiceRequests.asGateway().body(Map.of("person", person, "basis", "LICENCE", "openedOn", "2026-12-01"))
                .post("/api/v1/supervision-cases").then().statusCode(201);
        return person;
    }

    private static Map<String, String> factors(int version, String rating) {
        Map<String, String> factors = new LinkedHashMap<>();
        FACTORS_V1.forEach(factor -> factors.put(factor, rating));
        if (version == 2) {
            factors.put("associates", rating);
        }
        return factors;
    }

    private static Map<String, Object> assessment(String person, int version, String intent, Map<String, String> factors) {
        Map<String, Object> body = new HashMap<>(Map.of("person", person, "assessedOn", "2026-12-02",
                "assessor", "peter.probation", "engagement", "LOW", "intent", intent, "capability", "LOW",
                "overall", intent, "rationale", "Structured assessment on licence.", "factorSet", "extremism-spj",
                "factorSetVersion", version));
        if (factors != null) {
            body.put("factors", factors);
        }
        return body;
    }

    private static Response assess(Map<String, Object> body) {
        return ServiceRequests.asGatewayFor(PETER).body(body).post("/api/v1/risk-assessments");
    }

    private static void refused(Map<String, Object> body, String field, String message) {
        assess(body).then().statusCode(422).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", field, "message", message))));
    }

    private static ConsumerRecord<String, String> published(TopicRecorder events, String person, String assessment) {
        return events.about(person).stream().filter(r -> r.value() != null && r.value().contains(assessment))
                .findFirst().orElse(null);
    }
}
