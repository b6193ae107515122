package org.interlock.testing.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.actor.ActorAssertion;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who acts, as every agency service must know it: a write under /api/v1 without a valid
 * {@code X-Interlock-Actor} (none, expired, signed with another key, made for another service, not
 * a JWS) is answered 401 and records nothing; a write with one names its actor where the record says who did it
 * ({@code allocatedBy}) and on its event ({@code recordedby}). Shown on allocations, which every
 * service has. A service's test extends it as a {@code @QuarkusTest} with
 * {@code KafkaPostgresResource} and names its agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WhoActsContract {

    private static TopicRecorder events;

    protected abstract Agency agency();

    /** The headers a write is tried with, none of them valid, and why each is refused. */
    public enum BadActor {
        NONE(actor -> null, "no X-Interlock-Actor header"),
        EXPIRED(TestActor::expiredHeader, "X-Interlock-Actor has expired"),
        SIGNED_WITH_ANOTHER_KEY(TestActor::headerSignedWithAnotherKey, "X-Interlock-Actor is not signed by the gateway"),
        FOR_ANOTHER_SERVICE(TestActor::headerForAnotherService, "X-Interlock-Actor is not signed by the gateway"),
        ADDRESSED_TO_ANOTHER_SERVICE(TestActor::headerAddressedToAnotherService, "X-Interlock-Actor is for another service"),
        NOT_A_JWS(actor -> actor.username(), "X-Interlock-Actor is not a compact JWS"),
        A_GATEWAY_ACCESS_TOKEN(actor -> TestTokens.gateway(), "X-Interlock-Actor is not signed with HS256");

        private final Function<TestActor, String> header;
        private final String reason;

        BadActor(Function<TestActor, String> header, String reason) {
            this.header = header;
            this.reason = reason;
        }
    }

    @BeforeAll
    void record() {
        events = new TopicRecorder("interlock." + agency().id() + ".events");
    }

    @AfterAll
    void stop() {
        events.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadActor.class)
    void aWriteWithoutAValidActorIs401AndRecordsNothing(BadActor bad) {
        String person = PersonReference.random();
        RequestSpecification request = given().auth().oauth2(TestTokens.gateway()).contentType(ContentType.JSON);
        String header = bad.header.apply(TestActor.TESTER);
        if (header != null) {
            request.header(ActorAssertion.HEADER, header);
        }

        request.body(allocation(person, "mia.mentor")).post("/api/v1/allocations").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo(bad.reason));

        assertEquals(0, rows("SELECT count(*) FROM allocation WHERE person = '" + person + "'"));
        assertEquals(0, rows("SELECT count(*) FROM outbox WHERE subject = '" + person + "'"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).isEmpty());
    }

    @Test
    void aReadNeedsNoActor() {
        given().auth().oauth2(TestTokens.gateway()).get("/api/v1/allocations?person=" + PersonReference.random())
                .then().statusCode(200);
    }

    @Test
    void anAllocationNamesWhoMadeItAndEachEventWhoRecordedIt() {
        String person = PersonReference.random();
        TestActor manager = TestActor.of("tom.lead", agency().id(), null, "team-manager");
        TestActor other = TestActor.of("tara.lead", agency().id(), null, "team-manager");

        String id = ServiceRequests.asGatewayFor(manager).body(allocation(person, "olivia.prison"))
                .post("/api/v1/allocations").then().statusCode(201)
                .body("allocatedBy", equalTo("tom.lead")).extract().path("id");
        ServiceRequests.asGatewayFor(other).body(Map.of("endsOn", "2026-06-30"))
                .post("/api/v1/allocations/" + id + "/end").then().statusCode(200)
                .body("allocatedBy", equalTo("tom.lead"));

        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() == 2);
        List<ConsumerRecord<String, String>> published = events.about(person);
        JsonNode started = CloudEventAssertions.assertInterlockEvent(published.get(0), type("started"), person);
        assertEquals(Set.of("id", "person", "staff", "role", "startsOn", "endsOn", "allocatedBy"), keys(started));
        assertEquals("tom.lead", started.path("allocatedBy").asText());
        assertEquals("tom.lead", TopicRecorder.header(published.get(0), "ce_recordedby"));
        JsonNode ended = CloudEventAssertions.assertInterlockEvent(published.get(1), type("ended"), person);
        assertEquals("tom.lead", ended.path("allocatedBy").asText(), "who made it, not who ended it");
        assertEquals("tara.lead", TopicRecorder.header(published.get(1), "ce_recordedby"));
    }

    private Map<String, String> allocation(String person, String staff) {
        return Map.of("person", person, "staff", staff, "role", role(), "startsOn", "2026-01-05");
    }

    private String role() {
        return switch (agency()) {
            case PRISONS -> "OFFENDER_MANAGER";
            case PROBATION -> "PROBATION_PRACTITIONER";
            case INTELLIGENCE -> "INTELLIGENCE_OFFICER";
            case PARTNERS -> "PARTNER_CASEWORKER";
        };
    }

    private EventType type(String verb) {
        return EventType.v1(agency(), "allocation", verb, "allocation", Classification.OFFICIAL);
    }

    private long rows(String query) {
        return TestDatabase.number(agency().id(), query);
    }

    /** The top-level field names of an event's data. */
    public static Set<String> keys(JsonNode data) {
        Set<String> keys = new TreeSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
