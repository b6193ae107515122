package org.interlock.partners.consent;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.PartnersEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grant, list, withdraw, expire: a consent that has ended is never reported active, and every change is published. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class ConsentRegistryTest {

    private static final TestActor MIA = TestActor.of("mia.mentor", "partners", "horizon-mentoring", "partner-caseworker");

    private static TopicRecorder events;
    private static TopicRecorder consents;

    @BeforeAll
    static void setUp() {
        events = new TopicRecorder("interlock.partners.events");
        consents = new TopicRecorder("interlock.consents");
    }

    /** Registers the organisation the consents name, once per run (409 afterwards). */
    @org.junit.jupiter.api.BeforeEach
    void organisation() {
        asGateway()
                .body(Map.of("id", "horizon-mentoring", "name", "Horizon Mentoring", "kind", "MENTORING"))
                .post("/api/v1/organisations").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

    @AfterAll
    static void tearDown() {
        events.close();
        consents.close();
    }

    /** As the gateway, on behalf of the caseworker who obtains the consents. */
    static RequestSpecification asGateway() {
        return ServiceRequests.asGatewayFor(MIA);
    }

    @Test
    void aWithdrawnConsentIsNoLongerActiveAndBothChangesArePublished() {
        String person = PersonReference.random();
        String id = grant(person, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1));
        asGateway().get("/api/v1/consents?person=" + person + "&active=true").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id))
                .body("[0].categories", equalTo(List.of("custody.release", "licence.*")));

        asGateway().body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/consents/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        asGateway().get("/api/v1/consents?person=" + person + "&active=true").then().statusCode(200).body("$", empty());
        asGateway().body(Map.of("withdrawnOn", LocalDate.now().toString()))
                .post("/api/v1/consents/" + id + "/withdraw").then().statusCode(409);

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
        CloudEventAssertions.assertInterlockEvent(events.about(person).get(0), PartnersEvents.CONSENT_GRANTED, person);
        CloudEventAssertions.assertInterlockEvent(events.about(person).get(1), PartnersEvents.CONSENT_WITHDRAWN, person);
        await().atMost(Duration.ofSeconds(15)).until(() -> consentStates(id).size() == 2);
        assertEquals(id, consentStates(id).get(1).key(), "the compacted topic is keyed by consent id");
        assertEquals(false, CloudEventAssertions.assertMatchesSchema(PartnersEvents.CONSENT_WITHDRAWN,
                consentStates(id).get(1).value()).path("active").asBoolean());
    }

    @Test
    void aConsentPastItsPeriodIsNeverReportedActiveAndExpiresWithAnEvent() {
        String person = PersonReference.random();
        String id = grant(person, LocalDate.now().minusYears(1), LocalDate.now().minusDays(1));

        asGateway().get("/api/v1/consents?person=" + person + "&active=true").then().statusCode(200).body("$", empty());
        await().atMost(Duration.ofSeconds(90)).until(() -> events.about(person).size() == 2);
        CloudEventAssertions.assertInterlockEvent(events.about(person).get(1), PartnersEvents.CONSENT_EXPIRED, person);
        asGateway().get("/api/v1/consents/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("active", equalTo(false));
    }

    @Test
    void consentForASuspendedOrganisationIsRefused() {
        asGateway().body(Map.of("id", "closed-doors", "name", "Closed Doors", "kind", "HOUSING"))
                .post("/api/v1/organisations").then().statusCode(201);
        asGateway().post("/api/v1/organisations/closed-doors/suspend").then().statusCode(200);

        asGateway().body(grantBody(PersonReference.random(), "closed-doors", LocalDate.now(), LocalDate.now().plusDays(30)))
                .post("/api/v1/consents").then().statusCode(409).body("type", equalTo("urn:interlock:problem:conflict"));
    }

    @Test
    void aConsentNamesTheCaseworkerWhoRecordsItAsHavingObtainedIt() {
        String person = PersonReference.random();
        Map<String, Object> body = new java.util.HashMap<>(grantBody(person, "horizon-mentoring", LocalDate.now(),
                LocalDate.now().plusDays(30)));
        body.put("obtainedBy", "hana.horizon");

        asGateway().body(body).post("/api/v1/consents").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("obtainedBy"));
        asGateway().get("/api/v1/consents?person=" + person).then().statusCode(200).body("$", empty());
    }

    private static String grant(String person, LocalDate from, LocalDate until) {
        return asGateway().body(grantBody(person, "horizon-mentoring", from, until))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> grantBody(String person, String organisation, LocalDate from, LocalDate until) {
        return Map.of("person", person, "organisation", organisation,
                "categories", List.of("custody.release", "licence.*"), "purposes", List.of("resettlement"),
                "validFrom", from.toString(), "validUntil", until.toString(), "obtainedHow", "WRITTEN",
                "obtainedBy", "mia.mentor", "obtainedOn", from.toString());
    }

    private static List<ConsumerRecord<String, String>> consentStates(String id) {
        return consents.records().stream().filter(r -> id.equals(r.key())).toList();
    }
}
