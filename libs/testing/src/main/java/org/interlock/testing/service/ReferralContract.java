package org.interlock.testing.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

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
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Referrals as a statutory agency service makes them (prisons, probation: libs/agency-service's
 * referral feature): made by whoever acts, read, withdrawn, expired at their end date, each change
 * one event with exactly the catalogue's fields; the organisation's answer, arriving as a copy in
 * the inbox, marks the referral without an event of its own. A service's test extends it as a
 * {@code @QuarkusTest} with {@code KafkaPostgresResource} and names its agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReferralContract {

    private static final Set<String> FIELDS = Set.of("id", "person", "organisation", "purposes", "categories", "reason",
            "endsOn", "referredBy", "status");
    private static final String HORIZON = "horizon-mentoring";

    private TopicRecorder events;
    private TopicRecorder state;

    protected abstract Agency agency();

    /** The person's statutory lead in this agency, who refers. */
    protected abstract TestActor lead();

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
    void aReferralNamesWhoMadeItIsReadableAndPublishedWithExactlyItsFields() {
        String person = PersonReference.random();
        String id = refer(person, LocalDate.now().plusMonths(6));

        ServiceRequests.asGateway().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("person", equalTo(person))
                .body("organisation", equalTo(HORIZON))
                .body("purposes", equalTo(List.of("resettlement")))
                .body("categories", equalTo(List.of("custody.release", "licence.*")))
                .body("reason", equalTo("Mentoring towards release"))
                .body("referredBy", equalTo(lead().username()))
                .body("status", equalTo("MADE"));
        ServiceRequests.asGateway().get("/api/v1/referrals?person=" + person).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id));

        ConsumerRecord<String, String> made = awaitEvents(person, 1).get(0);
        JsonNode data = CloudEventAssertions.assertInterlockEvent(made, type("made"), person);
        assertEquals(FIELDS, WhoActsContract.keys(data));
        assertEquals(lead().username(), data.path("referredBy").asText());
        assertEquals("official", TopicRecorder.header(made, "ce_classification"));
        assertEquals(lead().username(), TopicRecorder.header(made, "ce_recordedby"));
    }

    @Test
    void withdrawingEndsTheReferralWithAnEventAndASecondWithdrawalIsAConflict() {
        String person = PersonReference.random();
        String id = refer(person, LocalDate.now().plusMonths(6));

        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/referrals/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/referrals/" + id + "/withdraw").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:conflict"));

        List<ConsumerRecord<String, String>> published = awaitEvents(person, 2);
        JsonNode withdrawn = CloudEventAssertions.assertInterlockEvent(published.get(1), type("withdrawn"), person);
        assertEquals(FIELDS, WhoActsContract.keys(withdrawn));
        assertEquals("WITHDRAWN", withdrawn.path("status").asText());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).size() == 2);
    }

    @Test
    void aReferralPastItsEndDateExpiresWithAnEventTheServiceRecords() {
        String person = PersonReference.random();
        String id = refer(person, LocalDate.now());
        // A day passes.
        TestDatabase.execute(agency().id(), "UPDATE referral SET ends_on = current_date - 1 WHERE id = '" + id + "'");

        await().atMost(Duration.ofSeconds(30)).until(() -> events.about(person).size() == 2);
        ConsumerRecord<String, String> expired = events.about(person).get(1);
        JsonNode data = CloudEventAssertions.assertInterlockEvent(expired, type("expired"), person);
        assertEquals("EXPIRED", data.path("status").asText());
        assertEquals("system:" + agency().id(), TopicRecorder.header(expired, "ce_recordedby"));
        ServiceRequests.asGateway().get("/api/v1/referrals/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/referrals/" + id + "/withdraw").then().statusCode(409);
    }

    @Test
    void theOrganisationsAcceptanceMarksTheReferralOnceWithoutAnEventOfItsOwn() {
        String person = PersonReference.random();
        String id = refer(person, LocalDate.now().plusMonths(6));

        deliverAnswer("accepted", id, person, HORIZON);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("ACCEPTED"));
        // A later decline of the same referral (or a redelivery) changes nothing: only a made referral is answered.
        deliverAnswer("declined", id, person, HORIZON);
        String marker = refer(person, LocalDate.now().plusMonths(1));
        deliverAnswer("declined", marker, person, HORIZON);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("DECLINED"));

        assertEquals("ACCEPTED", status(id));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> events.about(person).size() == 2);
        assertEquals(List.of(type("made").name(), type("made").name()),
                events.about(person).stream().map(r -> TopicRecorder.header(r, "ce_type")).toList());
    }

    @Test
    void anAnswerToAReferralOfAnotherServiceIsIgnoredAndTheNextIsProcessed() {
        String person = PersonReference.random();
        deliverAnswer("accepted", UUID.randomUUID().toString(), person, HORIZON);
        String id = refer(person, LocalDate.now().plusMonths(6));
        deliverAnswer("declined", id, person, HORIZON);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("DECLINED"));
    }

    @Test
    void aReferralIsOnTheStateTopicAsMadeUntilItIsWithdrawnOrExpires() {
        String person = PersonReference.random();
        String withdrawn = refer(person, LocalDate.now().plusMonths(6));
        String expired = refer(person, LocalDate.now());
        awaitEvents(person, 2);
        StateTopicAssertions.assertStateIs(awaitState(withdrawn, 1).get(0), events.about(person).get(0),
                "referral:" + withdrawn);
        StateTopicAssertions.assertStateIs(awaitState(expired, 1).get(0), events.about(person).get(1),
                "referral:" + expired);

        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/referrals/" + withdrawn + "/withdraw").then().statusCode(200);
        TestDatabase.execute(agency().id(), "UPDATE referral SET ends_on = current_date - 1 WHERE id = '" + expired + "'");

        StateTopicAssertions.assertTombstone(awaitState(withdrawn, 2).get(1), "referral:" + withdrawn);
        StateTopicAssertions.assertTombstone(awaitState(expired, 2).get(1), "referral:" + expired);
    }

    @Test
    void anOrganisationsDeclineEndsTheReferralOnTheStateTopicAndItsAcceptanceLeavesItThere() {
        String person = PersonReference.random();
        String declined = refer(person, LocalDate.now().plusMonths(6));
        String accepted = refer(person, LocalDate.now().plusMonths(6));
        awaitState(declined, 1);
        awaitState(accepted, 1);

        deliverAnswer("accepted", accepted, person, HORIZON);
        deliverAnswer("declined", declined, person, HORIZON);

        StateTopicAssertions.assertTombstone(awaitState(declined, 2).get(1), "referral:" + declined);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(accepted).equals("ACCEPTED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> state.keyed("referral:" + accepted).size() == 1);
    }

    private List<ConsumerRecord<String, String>> awaitState(String referral, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> state.keyed("referral:" + referral).size() >= count);
        List<ConsumerRecord<String, String>> kept = state.keyed("referral:" + referral);
        assertEquals(count, kept.size(), "exactly " + count + " state records of the referral");
        return kept;
    }

    static Stream<Arguments> badReferrals() {
        return Stream.of(
                Arguments.of("no person", Map.of("organisation", HORIZON), "person"),
                Arguments.of("no categories", body(Map.of("categories", List.of())), "categories"),
                Arguments.of("a category that is no pattern", body(Map.of("categories", List.of("custody release"))),
                        "categories[0].<list element>"),
                Arguments.of("a wildcard inside a category", body(Map.of("categories", List.of("custody.*.release"))),
                        "categories[0].<list element>"),
                Arguments.of("an upper-case category", body(Map.of("categories", List.of("Custody.Release"))),
                        "categories[0].<list element>"),
                Arguments.of("no purposes", body(Map.of("purposes", List.of())), "purposes"),
                Arguments.of("a purpose that is no word", body(Map.of("purposes", List.of("re settle"))),
                        "purposes[0].<list element>"),
                Arguments.of("an organisation that is no id", body(Map.of("organisation", "Horizon Mentoring")),
                        "organisation"),
                Arguments.of("no reason", body(Map.of("reason", "")), "reason"),
                Arguments.of("an end date in the past", body(Map.of("endsOn", LocalDate.now().minusDays(1).toString())),
                        "endsOn"),
                Arguments.of("an end date that is no date", body(Map.of("endsOn", "next year")), "endsOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReferrals")
    void aReferralOfTheWrongShapeIs422AndLeavesNoTrace(String name, Map<String, Object> body, String field) {
        ServiceRequests.asGatewayFor(lead()).body(body).post("/api/v1/referrals").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", hasItem(field));

        Object person = body.getOrDefault("person", "none");
        assertEquals(0, TestDatabase.number(agency().id(), "SELECT count(*) FROM referral WHERE person = '" + person + "'"));
        assertEquals(0, TestDatabase.number(agency().id(), "SELECT count(*) FROM outbox WHERE subject = '" + person + "'"));
    }

    @Test
    void anUnknownReferralIs404() {
        ServiceRequests.asGateway().get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:interlock:problem:not-found"));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/referrals/" + UUID.randomUUID() + "/withdraw").then().statusCode(404);
    }

    /** A valid referral body with some fields replaced, for a new person. */
    private static Map<String, Object> body(Map<String, Object> replaced) {
        Map<String, Object> body = new HashMap<>(Map.of("person", PersonReference.random(), "organisation", HORIZON,
                "purposes", List.of("resettlement"), "categories", List.of("custody.release", "licence.*"),
                "reason", "Mentoring towards release", "endsOn", LocalDate.now().plusMonths(6).toString()));
        body.putAll(replaced);
        return body;
    }

    private String refer(String person, LocalDate endsOn) {
        Map<String, Object> body = body(Map.of("person", person, "endsOn", endsOn.toString()));
        return ServiceRequests.asGatewayFor(lead()).body(body).post("/api/v1/referrals").then().statusCode(201)
                .body("referredBy", equalTo(lead().username())).body("status", equalTo("MADE"))
                .extract().path("id");
    }

    private String status(String id) {
        return ServiceRequests.asGateway().get("/api/v1/referrals/" + id).then().statusCode(200).extract().path("status");
    }

    /** The partners service's answer, as the exchange copies it to this agency's inbox. */
    private void deliverAnswer(String verb, String referral, String person, String organisation) {
        String copy = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(copy,
                "org.interlock.partners.referral." + verb + ".v1", "/agencies/partners", person, "partner.referral",
                "official"));
        headers.put("ce_recipient", agency().id());
        headers.put("ce_sourceeventid", UUID.randomUUID().toString());
        headers.put("ce_agreement", "partners-referral-answers");
        headers.put("ce_policyversion", "test-1");
        TopicWriter.send("interlock.inbox." + agency().id(), person, """
                {"id":"%s","person":"%s","organisation":"%s","origin":"%s","purposes":["resettlement"],
                 "categories":["custody.release"],"endsOn":"%s","status":"%s","caseworker":%s,
                 "answeredBy":"hana.horizon","answeredOn":"%s"}""".formatted(referral, person, organisation,
                agency().id(), LocalDate.now().plusMonths(6), verb.toUpperCase(),
                "accepted".equals(verb) ? "\"mia.mentor\"" : "null", LocalDate.now()), headers);
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String person, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() >= count);
        List<ConsumerRecord<String, String>> published = events.about(person);
        assertEquals(count, published.size(), "exactly " + count + " events for the person");
        return published;
    }

    private EventType type(String verb) {
        return EventType.v1(agency(), "referral", verb, "referral", Classification.OFFICIAL);
    }
}
