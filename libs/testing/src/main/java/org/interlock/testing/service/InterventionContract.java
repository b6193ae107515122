package org.interlock.testing.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Interventions as a statutory agency service arranges them (libs/agency-service's intervention
 * feature, ADR 0017): arranged by whoever acts, with third parties on their own consent; delivered by
 * the agency itself (which records sessions and outcome here) or by a partner organisation inside an
 * accepted referral (which records them in the partners service); a participant's withdrawal empties
 * their details. Every change is one event per category with exactly its fields; bad input is a 422
 * problem and leaves no trace. A service's test extends it as a {@code @QuarkusTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InterventionContract {

    private static final Set<String> FACTS = Set.of("id", "person", "type", "providerAgency", "organisation",
            "startsOn", "endsOn", "arrangedBy", "status", "endedOn", "outcomeNotes", "outcomeBy");
    private static final Set<String> PARTICIPANT = Set.of("id", "intervention", "person", "organisation",
            "relationship", "relationshipDetail", "name", "contact", "consent", "consentGivenOn", "withdrawnOn",
            "recordedBy");
    private static final Set<String> SESSION = Set.of("id", "intervention", "person", "organisation", "sessionOn",
            "attendance", "recordedBy");
    private static final String HORIZON = "horizon-mentoring";

    private TopicRecorder events;

    protected abstract Agency agency();

    /** The person's statutory lead in this agency, who arranges. */
    protected abstract TestActor lead();

    @BeforeAll
    void record() {
        events = new TopicRecorder("interlock." + agency().id() + ".events");
    }

    @AfterAll
    void stop() {
        events.close();
    }

    @Test
    void anInterventionTheAgencyDeliversIsArrangedWithItsFamilyMemberAsTwoEventsOfTwoCategories() {
        String person = PersonReference.random();
        String id = arrange(body(person, Map.of()));

        ServiceRequests.asGateway().get("/api/v1/interventions/" + id).then().statusCode(200)
                .body("person", equalTo(person))
                .body("type", equalTo("family-mediation"))
                .body("providerAgency", equalTo(agency().id()))
                .body("organisation", nullValue())
                .body("arrangedBy", equalTo(lead().username()))
                .body("status", equalTo("ARRANGED"));
        ServiceRequests.asGateway().get("/api/v1/interventions/" + id + "/participants").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].intervention", equalTo(id))
                .body("[0].person", equalTo(person))
                .body("[0].relationship", equalTo("FAMILY_MEMBER"))
                .body("[0].name", equalTo("Amina Rahman"))
                .body("[0].consent", equalTo("GIVEN"))
                .body("[0].recordedBy", equalTo(lead().username()));

        List<ConsumerRecord<String, String>> published = awaitEvents(person, 2);
        JsonNode arranged = CloudEventAssertions.assertInterlockEvent(published.get(0), type("arranged"), person);
        assertEquals(FACTS, WhoActsContract.keys(arranged));
        assertEquals("official", TopicRecorder.header(published.get(0), "ce_classification"));
        assertEquals("intervention", TopicRecorder.header(published.get(0), "ce_category"));
        JsonNode participant = CloudEventAssertions.assertInterlockEvent(published.get(1), type("participant-recorded"),
                person);
        assertEquals(PARTICIPANT, WhoActsContract.keys(participant));
        assertEquals("Amina Rahman", participant.path("name").asText());
        assertEquals("official-sensitive", TopicRecorder.header(published.get(1), "ce_classification"));
        assertEquals("intervention.participant", TopicRecorder.header(published.get(1), "ce_category"));
        assertEquals(lead().username(), TopicRecorder.header(published.get(1), "ce_recordedby"));
    }

    @Test
    void theAgencyThatDeliversRecordsSessionsAndTheOutcomeOnceEachWithAnEvent() {
        String person = PersonReference.random();
        String id = arrange(body(person, Map.of("participants", List.of())));

        ServiceRequests.asGatewayFor(lead()).body(Map.of("sessionOn", LocalDate.now().toString(),
                        "attendance", "MISSED_UNACCEPTABLE"))
                .post("/api/v1/interventions/" + id + "/sessions").then().statusCode(201)
                .body("attendance", equalTo("MISSED_UNACCEPTABLE")).body("recordedBy", equalTo(lead().username()));
        ServiceRequests.asGateway().get("/api/v1/interventions/" + id + "/sessions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].intervention", equalTo(id));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("outcome", "COMPLETED", "endedOn", LocalDate.now().toString()))
                .post("/api/v1/interventions/" + id + "/outcome").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcomeBy", equalTo(lead().username()));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("outcome", "COMPLETED", "endedOn", LocalDate.now().toString()))
                .post("/api/v1/interventions/" + id + "/outcome").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));

        List<ConsumerRecord<String, String>> published = awaitEvents(person, 3);
        JsonNode session = CloudEventAssertions.assertInterlockEvent(published.get(1), type("attendance-recorded"),
                person);
        assertEquals(SESSION, WhoActsContract.keys(session));
        assertEquals(id, session.path("intervention").asText());
        JsonNode outcome = CloudEventAssertions.assertInterlockEvent(published.get(2), type("outcome-recorded"), person);
        assertEquals(FACTS, WhoActsContract.keys(outcome));
        assertEquals("COMPLETED", outcome.path("status").asText());
    }

    @Test
    void anOrganisationDeliversOnlyInsideAnAcceptedReferralCoveringInterventionsAndRecordsItsOwnSessions() {
        String person = PersonReference.random();
        Map<String, Object> byHorizon = body(person, Map.of("providerOrganisation", HORIZON));
        byHorizon.remove("providerAgency");
        refusedAndUnrecorded(byHorizon, "providerOrganisation", person);

        String referral = refer(person, List.of("custody.release"));
        deliverAcceptance(referral, person);
        await().atMost(Duration.ofSeconds(20)).until(() -> referralStatus(referral).equals("ACCEPTED"));
        // Accepted, but for release plans only: not for interventions.
        refusedAndUnrecorded(byHorizon, "providerOrganisation", person);

        String covering = refer(person, List.of("intervention", "intervention.participant"));
        deliverAcceptance(covering, person);
        await().atMost(Duration.ofSeconds(20)).until(() -> referralStatus(covering).equals("ACCEPTED"));
        String id = arrange(byHorizon);
        ServiceRequests.asGateway().get("/api/v1/interventions/" + id).then().statusCode(200)
                .body("organisation", equalTo(HORIZON)).body("providerAgency", nullValue());
        ServiceRequests.asGatewayFor(lead()).body(Map.of("sessionOn", LocalDate.now().toString(), "attendance", "ATTENDED"))
                .post("/api/v1/interventions/" + id + "/sessions").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:conflict"));
        assertEquals(0, TestDatabase.number(agency().id(),
                "SELECT count(*) FROM intervention_session WHERE intervention = '" + id + "'"));
    }

    @Test
    void aParticipantWhoWithdrawsIsNoLongerNamedAndTheWithdrawalIsAnEventWithoutTheirDetails() {
        String person = PersonReference.random();
        String id = arrange(body(person, Map.of()));
        String participant = ServiceRequests.asGateway().get("/api/v1/interventions/" + id + "/participants").then()
                .statusCode(200).extract().path("[0].id");

        String path = "/api/v1/interventions/" + id + "/participants/" + participant + "/withdraw-consent";
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString())).post(path)
                .then().statusCode(200)
                .body("consent", equalTo("WITHDRAWN"))
                .body("name", nullValue())
                .body("contact", nullValue())
                .body("relationship", equalTo("FAMILY_MEMBER"));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString())).post(path)
                .then().statusCode(409);

        List<ConsumerRecord<String, String>> published = awaitEvents(person, 3);
        JsonNode withdrawn = CloudEventAssertions.assertInterlockEvent(published.get(2),
                type("participant-consent-withdrawn"), person);
        assertEquals(PARTICIPANT, WhoActsContract.keys(withdrawn));
        assertEquals(participant, withdrawn.path("id").asText());
        assertEquals("WITHDRAWN", withdrawn.path("consent").asText());
        assertEquals(List.of(true, true), List.of(withdrawn.path("name").isNull(), withdrawn.path("contact").isNull()));
        assertEquals(0, TestDatabase.number(agency().id(),
                "SELECT count(*) FROM intervention_participant WHERE id = '" + participant + "' AND name IS NOT NULL"));
    }

    static Stream<Arguments> badArrangements() {
        Map<String, Object> noRelationship = new HashMap<>(familyMember());
        noRelationship.remove("relationship");
        Map<String, Object> noConsent = new HashMap<>(familyMember());
        noConsent.remove("consent");
        Map<String, Object> withdrawnConsent = new HashMap<>(familyMember());
        withdrawnConsent.put("consent", "WITHDRAWN");
        Map<String, Object> noName = new HashMap<>(familyMember());
        noName.remove("name");
        return Stream.of(
                Arguments.of("no provider", Map.of("providerAgency", ""), "providerOrganisation"),
                Arguments.of("two providers", Map.of("providerOrganisation", HORIZON), "providerOrganisation"),
                Arguments.of("an end before the start", Map.of("endsOn", LocalDate.now().minusDays(1).toString()),
                        "endsOn"),
                Arguments.of("no type", Map.of("type", ""), "type"),
                Arguments.of("a participant without a relationship", Map.of("participants", List.of(noRelationship)),
                        "participants[0].relationship"),
                Arguments.of("a participant without consent", Map.of("participants", List.of(noConsent)),
                        "participants[0].consent"),
                Arguments.of("a participant who did not consent", Map.of("participants", List.of(withdrawnConsent)),
                        "participants[0].consent"),
                Arguments.of("a participant without a name", Map.of("participants", List.of(noName)),
                        "participants[0].name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArrangements")
    void anArrangementOfTheWrongShapeIs422AndLeavesNoTrace(String name, Map<String, Object> replaced, String field) {
        String person = PersonReference.random();
        Map<String, Object> body = body(person, replaced);
        if ("".equals(body.get("providerAgency"))) {
            body.remove("providerAgency");
        }
        refusedAndUnrecorded(body, field, person);
    }

    @Test
    void anUnknownInterventionOrParticipantIs404() {
        ServiceRequests.asGateway().get("/api/v1/interventions/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:interlock:problem:not-found"));
        String id = arrange(body(PersonReference.random(), Map.of()));
        ServiceRequests.asGatewayFor(lead()).body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/interventions/" + id + "/participants/" + UUID.randomUUID() + "/withdraw-consent")
                .then().statusCode(404);
    }

    private void refusedAndUnrecorded(Map<String, Object> body, String field, String person) {
        ServiceRequests.asGatewayFor(lead()).body(body).post("/api/v1/interventions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:validation-failed"))
                .body("errors.field", hasItem(field));
        assertEquals(0, TestDatabase.number(agency().id(),
                "SELECT count(*) FROM intervention WHERE person = '" + person + "'"));
        assertEquals(0, TestDatabase.number(agency().id(), "SELECT count(*) FROM outbox WHERE subject = '" + person
                + "' AND type LIKE '%.intervention.%'"));
    }

    private static Map<String, Object> familyMember() {
        return Map.of("relationship", "FAMILY_MEMBER", "relationshipDetail", "mother", "name", "Amina Rahman",
                "contact", "07700 900123", "consent", "GIVEN", "consentGivenOn", LocalDate.now().toString());
    }

    private Map<String, Object> body(String person, Map<String, Object> replaced) {
        Map<String, Object> body = new HashMap<>(Map.of("person", person, "type", "family-mediation",
                "providerAgency", agency().id(), "startsOn", LocalDate.now().toString(),
                "endsOn", LocalDate.now().plusMonths(3).toString(), "participants", new ArrayList<>(List.of(familyMember()))));
        body.putAll(replaced);
        return body;
    }

    private String arrange(Map<String, Object> body) {
        return ServiceRequests.asGatewayFor(lead()).body(body).post("/api/v1/interventions").then().statusCode(201)
                .body("arrangedBy", equalTo(lead().username())).body("status", equalTo("ARRANGED"))
                .extract().path("id");
    }

    private String refer(String person, List<String> categories) {
        return ServiceRequests.asGatewayFor(lead()).body(Map.of("person", person, "organisation", HORIZON,
                        "purposes", List.of("resettlement"), "categories", categories, "reason", "Family work",
                        "endsOn", LocalDate.now().plusMonths(6).toString()))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    private String referralStatus(String id) {
        return ServiceRequests.asGateway().get("/api/v1/referrals/" + id).then().statusCode(200).extract().path("status");
    }

    /** The organisation's acceptance, as the exchange copies it to this agency's inbox. */
    private void deliverAcceptance(String referral, String person) {
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(UUID.randomUUID().toString(),
                "org.interlock.partners.referral.accepted.v1", "/agencies/partners", person, "partner.referral",
                "official"));
        headers.put("ce_recipient", agency().id());
        headers.put("ce_sourceeventid", UUID.randomUUID().toString());
        headers.put("ce_agreement", "partners-referral-answers");
        headers.put("ce_policyversion", "test-1");
        TopicWriter.send("interlock.inbox." + agency().id(), person, """
                {"id":"%s","person":"%s","organisation":"%s","origin":"%s","purposes":["resettlement"],
                 "categories":["intervention"],"endsOn":"%s","status":"ACCEPTED","caseworker":"mia.mentor",
                 "answeredBy":"hana.horizon","answeredOn":"%s"}""".formatted(referral, person, HORIZON,
                agency().id(), LocalDate.now().plusMonths(6), LocalDate.now()), headers);
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String person, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> interventionEvents(person).size() >= count);
        List<ConsumerRecord<String, String>> published = interventionEvents(person);
        assertEquals(count, published.size(), "exactly " + count + " intervention events for the person");
        return published;
    }

    private List<ConsumerRecord<String, String>> interventionEvents(String person) {
        return events.about(person).stream()
                .filter(r -> TopicRecorder.header(r, "ce_type").contains(".intervention.")).toList();
    }

    private EventType type(String verb) {
        boolean participant = verb.startsWith("participant");
        String category = participant ? "intervention.participant"
                : verb.equals("attendance-recorded") ? "intervention.session" : "intervention";
        return EventType.v1(agency(), "intervention", verb, category,
                participant ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL);
    }
}
