package org.interlock.partners.intervention;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.PartnersEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner organisation records sessions and the outcome of an intervention only when it was
 * addressed to it and it delivers it, for the person it is about (ADR 0017); a participant's
 * withdrawal erases the details of them the organisation received, and nobody else's.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class InterventionDeliveryTest {

    private static final String HORIZON = "horizon-mentoring";
    private static final String FAITH = "faith-bridge";
    private static final TestActor MIA = TestActor.of("mia.mentor", "partners", HORIZON, "partner-caseworker");
    private static final TestActor FRED = TestActor.of("fred.faith", "partners", FAITH, "partner-caseworker");
    private static final Set<String> FIELDS = Set.of("id", "intervention", "person", "organisation", "origin", "kind",
            "sessionOn", "attendance", "outcome", "endedOn", "notes", "recordedBy");

    private static TopicRecorder events;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.partners.events");
    }

    /** Both organisations registered (once per run: 409 afterwards); the application is up by now. */
    @BeforeEach
    void organisations() {
        register(HORIZON, "Horizon Mentoring", "MENTORING");
        register(FAITH, "Faith Bridge", "FAITH");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @Test
    void theDeliveringOrganisationRecordsASessionAndTheOutcomeNamingTheArrangingAgency() {
        String person = PersonReference.random();
        String intervention = deliverArranged(HORIZON, person);

        ServiceRequests.asGatewayFor(MIA).body(Map.of("person", person, "organisation", HORIZON,
                        "sessionOn", "2026-12-05", "attendance", "MISSED_UNACCEPTABLE"))
                .post("/api/v1/interventions/" + intervention + "/sessions").then().statusCode(201)
                .body("origin", equalTo("probation")).body("recordedBy", equalTo("mia.mentor"))
                .body("kind", equalTo("SESSION"));
        ServiceRequests.asGatewayFor(MIA).body(Map.of("person", person, "organisation", HORIZON,
                        "outcome", "COMPLETED", "endedOn", "2026-12-06"))
                .post("/api/v1/interventions/" + intervention + "/outcome").then().statusCode(201)
                .body("outcome", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() >= 2);
        List<ConsumerRecord<String, String>> published = events.about(person);
        assertEquals(2, published.size());
        JsonNode session = CloudEventAssertions.assertInterlockEvent(published.get(0), PartnersEvents.INTERVENTION_SESSION,
                person);
        assertEquals(FIELDS, keys(session));
        assertEquals(intervention, session.path("intervention").asText());
        assertEquals("mia.mentor", TopicRecorder.header(published.get(0), "ce_recordedby"));
        CloudEventAssertions.assertInterlockEvent(published.get(1), PartnersEvents.INTERVENTION_OUTCOME, person);
    }

    @Test
    void anotherOrganisationRecordsNothingOnAnInterventionItDoesNotDeliver() {
        String person = PersonReference.random();
        String intervention = deliverArranged(HORIZON, person);

        ServiceRequests.asGatewayFor(FRED).body(Map.of("person", person, "organisation", FAITH,
                        "sessionOn", "2026-12-05", "attendance", "ATTENDED"))
                .post("/api/v1/interventions/" + intervention + "/sessions").then().statusCode(404)
                .body("type", equalTo("urn:interlock:problem:not-found"));
        ServiceRequests.asGatewayFor(FRED).body(Map.of("person", person, "organisation", HORIZON,
                        "sessionOn", "2026-12-05", "attendance", "ATTENDED"))
                .post("/api/v1/interventions/" + intervention + "/sessions").then().statusCode(422)
                .body("errors.field", hasItem("organisation"));
        // The organisation that delivers it, about another person: not found either.
        ServiceRequests.asGatewayFor(MIA).body(Map.of("person", PersonReference.random(), "organisation", HORIZON,
                        "sessionOn", "2026-12-05", "attendance", "ATTENDED"))
                .post("/api/v1/interventions/" + intervention + "/sessions").then().statusCode(404);

        assertEquals(0, TestDatabase.number("partners", "SELECT count(*) FROM outbox WHERE subject = '" + person + "'"));
    }

    @Test
    void aParticipantsWithdrawalErasesTheirDetailsFromTheDeliveringOrganisationOnly() {
        String person = PersonReference.random();
        String intervention = deliverArranged(HORIZON, person);
        String withdrawing = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        String withdrawingCopy = deliverParticipant(HORIZON, person, intervention, withdrawing, false);
        String stayingCopy = deliverParticipant(HORIZON, person, intervention, staying, false);
        String otherOrganisationsCopy = deliverParticipant(FAITH, person, intervention, withdrawing, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).size() == 3 && held(FAITH, person).size() == 1);

        String withdrawal = deliverParticipant(HORIZON, person, intervention, withdrawing, true);

        await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).contains(withdrawal));
        assertEquals(Set.of(intervention + "-arranged", stayingCopy, withdrawal), Set.copyOf(held(HORIZON, person)));
        assertEquals(List.of(otherOrganisationsCopy), held(FAITH, person));
        assertEquals(0, TestDatabase.number("partners", "SELECT count(*) FROM inbox_event WHERE id = '"
                + copyId(withdrawingCopy, HORIZON) + "' AND payload LIKE '%Amina%'"));
    }

    private static void register(String id, String name, String kind) {
        ServiceRequests.asGatewayFor(TestActor.of("tara.probationlead", "probation", null, "partnership-manager"))
                .contentType(ContentType.JSON).body(Map.of("id", id, "name", name, "kind", kind))
                .post("/api/v1/organisations").then().statusCode(Matchers.oneOf(201, 409));
    }

    /** Probation's arranged event, as the exchange copies it to the organisation; returns the intervention's id. */
    private static String deliverArranged(String organisation, String person) {
        String intervention = UUID.randomUUID().toString();
        deliver(organisation, person, intervention + "-arranged", "org.interlock.probation.intervention.arranged.v1",
                "intervention", """
                {"id":"%s","person":"%s","type":"family-mediation","providerAgency":null,"organisation":"%s",
                 "startsOn":"2026-12-01","endsOn":"2027-03-01","arrangedBy":"peter.probation","status":"ARRANGED",
                 "endedOn":null,"outcomeNotes":null,"outcomeBy":null}""".formatted(intervention, person, organisation));
        await().atMost(Duration.ofSeconds(20)).until(() -> held(organisation, person).contains(intervention + "-arranged"));
        return intervention;
    }

    /** A participant recorded (or their withdrawal); returns the source event's id. */
    private static String deliverParticipant(String organisation, String person, String intervention, String participant,
            boolean withdrawn) {
        String source = UUID.randomUUID().toString();
        deliver(organisation, person, source, "org.interlock.probation.intervention."
                + (withdrawn ? "participant-consent-withdrawn" : "participant-recorded") + ".v1",
                "intervention.participant", """
                {"id":"%s","intervention":"%s","person":"%s","organisation":"%s","relationship":"FAMILY_MEMBER",
                 "relationshipDetail":"mother","name":%s,"contact":%s,"consent":"%s","consentGivenOn":"2026-11-30",
                 "withdrawnOn":%s,"recordedBy":"peter.probation"}""".formatted(participant, intervention, person,
                organisation, withdrawn ? "null" : "\"Amina Rahman\"", withdrawn ? "null" : "\"07700 900123\"",
                withdrawn ? "WITHDRAWN" : "GIVEN", withdrawn ? "\"2026-12-06\"" : "null"));
        return source;
    }

    private static void deliver(String organisation, String person, String source, String type, String category,
            String data) {
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(copyId(source, organisation), type,
                "/agencies/probation", person, category, "official"));
        headers.put("ce_recipient", organisation);
        headers.put("ce_sourceeventid", source);
        headers.put("ce_agreement", "probation-interventions-to-the-provider");
        headers.put("ce_policyversion", "test-1");
        TopicWriter.send("interlock.inbox.partners", person, data, headers);
    }

    private static String copyId(String source, String organisation) {
        return UUID.nameUUIDFromBytes((source + "|" + organisation).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static List<String> held(String organisation, String person) {
        return ServiceRequests.asGateway().get("/api/v1/received-events?organisation=" + organisation + "&person=" + person)
                .then().statusCode(200).extract().jsonPath().getList("sourceEventId", String.class);
    }

    private static Set<String> keys(JsonNode data) {
        Set<String> keys = new java.util.TreeSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
