package org.interlock.probation.plan;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.interlock.testing.TopicWriter;
import org.interlock.testing.service.SentencePlanContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan held in custody passes to probation at release (ADR 0016): probation continues the same
 * plan, from the version prisons handed over as its revision reached this inbox, as the next
 * version, once however often the hand-over arrives; it makes no plan of its own meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "probation"))
class PlanHandOverTest {

    private static final String INBOX = "interlock.inbox.probation";
    private static final String REVISED = "org.interlock.prisons.sentence-plan.revised.v1";
    private static final String HANDED_OVER = "org.interlock.prisons.sentence-plan.handed-over.v1";

    private static final Practitioner probation = new Practitioner();

    @BeforeAll
    static void record() {
        probation.startRecording();
    }

    @AfterAll
    static void stop() {
        probation.stopRecording();
    }

    @Test
    void aPlanHandedOverIsContinuedHereAsItsNextVersionOnceHoweverOftenItArrives() throws Exception {
        String person = probation.ledPerson();
        String plan = UUID.randomUUID().toString();
        String mentoring = UUID.randomUUID().toString();
        deliverRevision(person, plan, 1, objectives(mentoring, "{\"agency\":\"prisons\"}"));
        deliverRevision(person, plan, 2, objectives(mentoring, "{\"organisation\":\"horizon-mentoring\"}"));
        String handOver = UUID.randomUUID().toString();
        deliverHandOver(handOver, person, plan, 2);
        deliverHandOver(handOver, person, plan, 2);
        deliverHandOver(UUID.randomUUID().toString(), person, plan, 2);

        JsonNode continued = probation.awaitPublished(person, "revised", 1).getFirst();
        assertEquals(List.of(plan, "3", "2", "probation", "handed over at release", "system:probation", mentoring),
                List.of(continued.path("id").asText(), continued.path("version").asText(),
                        continued.path("previous").asText(), continued.path("owner").asText(),
                        continued.path("reason").asText(), continued.path("revisedBy").asText(),
                        continued.path("objectives").get(0).path("id").asText()));
        assertEquals("system:probation", TopicRecorder.header(probation.published(person, "revised").getFirst(),
                "ce_recordedby"));
        JsonNode given = probation.awaitPublished(person, "objectives-assigned", 1).getFirst();
        assertEquals(List.of("horizon-mentoring", "3"), List.of(given.path("organisation").asText(),
                given.path("version").asText()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> probation.published(person, "revised").size() == 1);
    }

    @Test
    void probationMakesNoPlanOfItsOwnWhilePrisonsHoldsOne() {
        String person = probation.ledPerson();
        String revision = deliverRevision(person, UUID.randomUUID().toString(), 1,
                objectives(UUID.randomUUID().toString(), "{\"agency\":\"prisons\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> received(revision));

        probation.revise(SentencePlanContract.body(person, "Our own plan.", List.of(SentencePlanContract.objective(null,
                Map.of("agency", "probation"))))).then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));
        probation.assertNothingRecorded(person);
    }

    @Test
    void afterTheHandOverThePractitionerRevisesAndOnlyResponsibilitiesCarriedUnchangedNeedNoReferralHere() {
        String person = probation.ledPerson();
        String plan = UUID.randomUUID().toString();
        String mentoring = UUID.randomUUID().toString();
        deliverRevision(person, plan, 1, objectives(mentoring, "{\"organisation\":\"horizon-mentoring\"}"));
        deliverHandOver(UUID.randomUUID().toString(), person, plan, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> versions(person).equals(List.of(2)));

        Map<String, Object> kept = SentencePlanContract.objective(mentoring, Map.of("organisation", "horizon-mentoring"));
        probation.revise(SentencePlanContract.body(person, "Target date moved after the first month.", List.of(kept)))
                .then().statusCode(201).body("id", equalTo(plan)).body("version", equalTo(3)).body("previous", equalTo(2));
        Map<String, Object> namedCaseworker = SentencePlanContract.objective(mentoring,
                Map.of("organisation", "horizon-mentoring", "staff", "mia.mentor"));
        probation.revise(SentencePlanContract.body(person, "Caseworker named.", List.of(namedCaseworker))).then()
                .statusCode(422).body("errors[0].field", equalTo("objectives[0].responsible.staff"));
        Map<String, Object> anotherOrganisation = SentencePlanContract.objective(null, Map.of("organisation", "faith-bridge"));
        probation.revise(SentencePlanContract.body(person, "Faith support added.", List.of(kept, anotherOrganisation)))
                .then().statusCode(422).body("errors[0].field", equalTo("objectives[1].responsible.organisation"));
        assertEquals(List.of(2, 3), versions(person));
    }

    @Test
    void aHandOverOfAVersionThatNeverArrivedIsDeadLetteredAndRecordsNothing() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.probation.deadletter")) {
            String person = probation.ledPerson();
            String handOver = UUID.randomUUID().toString();
            deliverHandOver(handOver, person, UUID.randomUUID().toString(), 5);

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            ConsumerRecord<String, String> dead = deadLetters.about(person).getFirst();
            assertEquals(handOver, TopicRecorder.header(dead, "ce_id"));
            assertEquals(0, TestDatabase.number("probation",
                    "SELECT count(*) FROM sentence_plan WHERE person = '" + person + "'"));
        }
    }

    @Test
    void aHandOverForAPersonWhoAlreadyHasAnotherPlanHereIsDeadLetteredNotRetried() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.probation.deadletter")) {
            String person = probation.ledPerson();
            probation.revise(SentencePlanContract.body(person, "Community sentence plan.", List.of(
                    SentencePlanContract.objective(null, Map.of("agency", "probation"))))).then().statusCode(201);
            String plan = UUID.randomUUID().toString();
            deliverRevision(person, plan, 1, objectives(UUID.randomUUID().toString(), "{\"agency\":\"prisons\"}"));
            String handOver = UUID.randomUUID().toString();
            deliverHandOver(handOver, person, plan, 1);

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            assertEquals(handOver, TopicRecorder.header(deadLetters.about(person).getFirst(), "ce_id"));
            assertEquals(List.of(1), versions(person));
        }
    }

    private static List<Integer> versions(String person) {
        return ServiceRequests.asGateway().queryParam("person", person).get("/api/v1/sentence-plans").then()
                .statusCode(200).extract().path("version");
    }

    private static String objectives(String id, String responsible) {
        return """
                [{"id":"%s","description":"Mentoring towards resettlement","targetDate":"2027-03-01",
                  "responsible":%s,"interventions":[{"type":"mentoring"}]}]""".formatted(id, responsible);
    }

    /** A revision of the plan held in custody, as the exchange copies it to this inbox. */
    private static String deliverRevision(String person, String plan, int version, String objectives) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(INBOX, person, """
                {"id":"%s","person":"%s","version":%d,"previous":%s,"owner":"prisons","reason":"Reviewed",
                 "objectives":%s,"revisedBy":"olivia.prison","revisedOn":"%s"}""".formatted(plan, person, version,
                version == 1 ? "null" : Integer.toString(version - 1), objectives, LocalDate.now()),
                copyHeaders(id, REVISED, person, "plan.sentence"));
        return id;
    }

    private static void deliverHandOver(String id, String person, String plan, int version) {
        TopicWriter.send(INBOX, person, """
                {"id":"%s","person":"%s","version":%d,"from":"prisons","to":"probation","handedOverOn":"%s"}"""
                .formatted(plan, person, version, LocalDate.now()), copyHeaders(id, HANDED_OVER, person, "plan.handover"));
    }

    private static Map<String, String> copyHeaders(String id, String type, String person, String category) {
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id, type, "/agencies/prisons", person,
                category, "official-sensitive"));
        headers.put("ce_recipient", "probation");
        return headers;
    }

    private static boolean received(String id) {
        return TestDatabase.number("probation", "SELECT count(*) FROM inbox_event WHERE id = '" + id + "'") == 1;
    }

    /** The contract's helpers, as the allocated probation practitioner uses them here. */
    private static final class Practitioner extends SentencePlanContract {

        @Override
        protected Agency agency() {
            return Agency.PROBATION;
        }

        @Override
        protected TestActor lead() {
            return TestActor.of("peter.probation", "probation", null, "probation-officer");
        }

        @Override
        protected String leadRole() {
            return "PROBATION_PRACTITIONER";
        }

        @Override
        protected void inCare(String person) {
            ServiceRequests.asGateway().body(Map.of("person", person, "basis", "LICENCE", "openedOn", "2026-12-01"))
                    .post("/api/v1/supervision-cases").then().statusCode(201);
        }
    }
}
