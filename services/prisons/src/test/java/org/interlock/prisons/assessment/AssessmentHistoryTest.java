package org.interlock.prisons.assessment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/**
 * Assessments over time (issue 16): each is a version of the person's last, published with what
 * changed since; one may answer a review trigger, but only one this agency's inbox received about
 * that person.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class AssessmentHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIGGER = "org.interlock.gateway.review-trigger.fired.v1";
    private static final TestActor OLIVIA = TestActor.of("olivia.prison", "prisons", null, "offender-manager");
    @Test
    void eachAssessmentIsTheNextVersionAndItsEventSaysWhatChanged() throws Exception {
        try (TopicRecorder events = new TopicRecorder("interlock.prisons.events")) {
            versionsOf(inCustody(), events);
        }
    }

    private static void versionsOf(String person, TopicRecorder events) throws Exception {
        String first = assess(person, "LOW", null).then().statusCode(201)
                .body("version", equalTo(1)).body("previous", nullValue()).body("changes.size()", equalTo(0))
                .extract().path("id");

        String second = assess(person, "HIGH", null).then().statusCode(201)
                .body("version", equalTo(2)).body("previous", equalTo(first))
                .body("changes", equalTo(List.of(Map.of("domain", "intent", "from", "LOW", "to", "HIGH"),
                        Map.of("domain", "overall", "from", "LOW", "to", "HIGH"))))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> published(events, person, second) != null);
        JsonNode event = JSON.readTree(published(events, person, second).value());
        assertEquals(List.of("2", first, "intent"), List.of(event.path("version").asText(), event.path("previous").asText(),
                event.path("changes").get(0).path("domain").asText()));
        asGateway().queryParam("person", person).get("/api/v1/risk-assessments").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("[1].changes.size()", equalTo(2));
    }

    @Test
    void anAssessmentAgainstAFactorSetFollowsOneRecordedWithoutAndComparesItsDomains() {
        String person = inCustody();
        String first = assess(person, "LOW", null).then().statusCode(201).body("factorSet", nullValue())
                .body("factors.size()", equalTo(0)).extract().path("id");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("person", person, "assessedOn", "2026-03-01",
                "assessor", "olivia.prison", "engagement", "MODERATE", "intent", "MODERATE", "capability", "LOW",
                "overall", "MODERATE", "rationale", "Against the factor set.", "factorSet", "extremism-spj",
                "factorSetVersion", 1));
        Map<String, String> factors = new java.util.LinkedHashMap<>();
        for (String factor : List.of("grievance", "belonging", "immersion", "dehumanising-outlook", "harm-justified",
                "expressed-intent", "skills-and-means", "history-of-violence")) {
            factors.put(factor, factor.equals("harm-justified") || factor.equals("grievance") ? "MODERATE" : "LOW");
        }
        body.put("factors", factors);
        ServiceRequests.asGatewayFor(OLIVIA).body(body).post("/api/v1/risk-assessments").then().statusCode(201)
                .body("version", equalTo(2)).body("previous", equalTo(first)).body("factorSetVersion", equalTo(1))
                .body("factors[4]", equalTo(Map.of("domain", "intent", "factor", "harm-justified", "rating", "MODERATE")))
                .body("changes", equalTo(List.of(Map.of("domain", "intent", "from", "LOW", "to", "MODERATE"),
                        Map.of("domain", "overall", "from", "LOW", "to", "MODERATE"))));
    }

    @Test
    void nobodyRecordsAnAssessmentInAColleaguesName() {
        String person = inCustody();
        Map<String, Object> body = Map.of("person", person, "assessedOn", "2026-02-01", "assessor", "olivia.prison",
                "engagement", "LOW", "intent", "LOW", "capability", "LOW", "overall", "LOW", "rationale", "r");
        asGateway().body(body).post("/api/v1/risk-assessments").then().statusCode(422)
                .body("errors[0].field", equalTo("assessor"));
        asGateway().queryParam("person", person).get("/api/v1/risk-assessments").then().body("size()", equalTo(0));
    }

    @Test
    void aReviewAnswersOnlyATriggerThisInboxReceivedAboutThePerson() {
        String person = inCustody();
        String notice = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        trigger(notice, person);
        trigger(elsewhere, PersonReference.random());
        await().atMost(Duration.ofSeconds(20)).until(() -> received(notice) == 1 && received(elsewhere) == 1);

        for (String wrong : List.of(UUID.randomUUID().toString(), elsewhere)) {
            assess(person, "MODERATE", wrong).then().statusCode(422).body("errors[0].field", equalTo("prompt"));
        }
        assess(person, "MODERATE", notice).then().statusCode(201).body("prompt", equalTo(notice))
                .body("version", equalTo(1));
    }

    private static String inCustody() {
        String person = PersonReference.random();
        asGateway().body(Map.of("person", person, "prisonNumber", "R1234AB", "establishment", "HMP Frankland",
                "securityCategory", "B", "receivedOn", "2026-01-10")).post("/api/v1/custody-episodes")
                .then().statusCode(201);
        return person;
    }

    private static io.restassured.response.Response assess(String person, String intent, String prompt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("person", person, "assessedOn", "2026-02-01",
                "assessor", "olivia.prison", "engagement", "MODERATE", "intent", intent, "capability", "LOW",
                "overall", "MODERATE".equals(intent) ? "MODERATE" : intent, "rationale", "Structured assessment."));
        if (prompt != null) {
            body.put("prompt", prompt);
        }
        return ServiceRequests.asGatewayFor(OLIVIA).body(body).post("/api/v1/risk-assessments");
    }

    private static void trigger(String notice, String person) {
        TopicWriter.send("interlock.inbox.prisons", person, """
                {"notice":"%s","rule":"assessment-rating-rose","description":"d","person":"%s",
                 "firedAt":"2026-02-01T00:00:00Z","events":["e"],"addressees":["olivia.prison"]}"""
                .formatted(notice, person), TopicWriter.cloudEventHeaders(notice, TRIGGER, "/interlock/gateway", person,
                        "review.trigger", "official-sensitive"));
    }

    private static long received(String notice) {
        return TestDatabase.number("prisons", "SELECT count(*) FROM inbox_event WHERE id = '" + notice + "'");
    }

    private static ConsumerRecord<String, String> published(TopicRecorder events, String person, String assessment) {
        return events.about(person).stream().filter(r -> r.value() != null && r.value().contains(assessment)
                && r.value().contains("\"version\":2")).findFirst().orElse(null);
    }

    private static RequestSpecification asGateway() {
        return ServiceRequests.asGateway();
    }
}
