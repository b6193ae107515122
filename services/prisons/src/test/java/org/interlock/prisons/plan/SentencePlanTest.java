package org.interlock.prisons.plan;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.service.SentencePlanContract;
import org.junit.jupiter.api.Test;

/**
 * Prisons holds the sentence plan while the person is in custody (the contract), and hands it over
 * to probation in the release's transaction: after that, prisons revises it no more (ADR 0016).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class SentencePlanTest extends SentencePlanContract {

    private final Map<String, String> episodes = new ConcurrentHashMap<>();

    @Override
    protected Agency agency() {
        return Agency.PRISONS;
    }

    @Override
    protected TestActor lead() {
        return TestActor.of("olivia.prison", "prisons", null, "offender-manager");
    }

    @Override
    protected String leadRole() {
        return "OFFENDER_MANAGER";
    }

    @Override
    protected void inCare(String person) {
        episodes.put(person, ServiceRequests.asGateway().body(Map.of("person", person, "prisonNumber", "R1234AB",
                        "establishment", "HMP Frankland", "securityCategory", "B", "receivedOn", "2026-01-10"))
                .post("/api/v1/custody-episodes").then().statusCode(201).extract().path("id"));
    }

    @Test
    void releaseHandsThePlanOverToProbationAtItsLastVersionAndPrisonsRevisesItNoMore() throws Exception {
        String person = ledPerson();
        String plan = revise(body(person, "Initial plan.", List.of(objective(null, agencyOnly())))).then()
                .statusCode(201).extract().path("id");
        revise(body(person, "Revised before release.", List.of(objective(null, Map.of("agency", "probation")))))
                .then().statusCode(201);

        release(person);

        JsonNode handOver = awaitPublished(person, "handed-over", 1).getFirst();
        assertEquals(List.of(plan, "2", "prisons", "probation", LocalDate.now().toString()),
                List.of(handOver.path("id").asText(), handOver.path("version").asText(), handOver.path("from").asText(),
                        handOver.path("to").asText(), handOver.path("handedOverOn").asText()));
        revise(body(person, "Too late.", List.of(objective(null, agencyOnly())))).then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));
        assertEquals(2, TestDatabase.number("prisons",
                "SELECT count(*) FROM sentence_plan_revision WHERE person = '" + person + "'"));
    }

    @Test
    void aReleaseWithoutAPlanHandsNothingOver() {
        String person = ledPerson();
        release(person);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(person).stream()
                .anyMatch(r -> "org.interlock.prisons.custody.released.v1".equals(header(r))));
        assertEquals(0, published(person, "handed-over").size());
        assertEquals(0, TestDatabase.number("prisons",
                "SELECT count(*) FROM outbox WHERE subject = '" + person + "' AND type LIKE '%.sentence-plan.%'"));
    }

    private void release(String person) {
        ServiceRequests.asGateway().body(Map.of("releasedOn", LocalDate.now().toString()))
                .post("/api/v1/custody-episodes/" + episodes.get(person) + "/release").then().statusCode(200);
    }

    private static String header(ConsumerRecord<String, String> record) {
        return TopicRecorder.header(record, "ce_type");
    }
}
