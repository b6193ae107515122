package org.interlock.prisons.custody;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.prisons.PrisonsEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestTokens;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class CustodyApiTest {

    private static TopicRecorder events;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.prisons.events");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    static RequestSpecification asGateway() {
        return ServiceRequests.asGateway();
    }

    @Test
    void everyCustodyChangeIsReadableAndPublishedExactlyOnceAsAValidCloudEvent() {
        String person = PersonReference.random();
        String id = asGateway().body(Map.of("person", person, "prisonNumber", "A1234BC", "establishment", "HMP Belmarsh",
                        "securityCategory", "A", "receivedOn", "2026-01-10"))
                .post("/api/v1/custody-episodes")
                .then().statusCode(201).body("status", equalTo("IN_CUSTODY")).extract().path("id");
        asGateway().body(Map.of("toEstablishment", "HMP Frankland", "transferredOn", "2026-03-01"))
                .post("/api/v1/custody-episodes/" + id + "/transfers").then().statusCode(200);
        asGateway().body(Map.of("releaseDate", "2026-12-01"))
                .put("/api/v1/custody-episodes/" + id + "/release-date").then().statusCode(200);

        asGateway().get("/api/v1/custody-episodes/" + id).then().statusCode(200)
                .body("establishment", equalTo("HMP Frankland"))
                .body("releaseDate", equalTo("2026-12-01"))
                .body("person", equalTo(person));

        // Each event carries its own category's facts and no others: a reception is also a security category.
        List<ConsumerRecord<String, String>> published = awaitEvents(person, 4);
        assertEquals(Set.of("id", "person", "prisonNumber", "establishment", "status", "receivedOn"),
                keys(CloudEventAssertions.assertInterlockEvent(published.get(0), PrisonsEvents.RECEIVED, person)));
        JsonNode security = CloudEventAssertions.assertInterlockEvent(published.get(1), PrisonsEvents.SECURITY_CATEGORY_SET, person);
        assertEquals(Set.of("id", "person", "securityCategory"), keys(security));
        assertEquals("A", security.path("securityCategory").asText());
        assertEquals(Set.of("id", "person", "establishment", "transferredOn"),
                keys(CloudEventAssertions.assertInterlockEvent(published.get(2), PrisonsEvents.TRANSFERRED, person)));
        JsonNode releaseDate = CloudEventAssertions.assertInterlockEvent(published.get(3), PrisonsEvents.RELEASE_DATE_SET, person);
        assertEquals(Set.of("id", "person", "status", "releaseDate", "releasedOn"), keys(releaseDate));
        assertEquals("2026-12-01", releaseDate.path("releaseDate").asText());
        assertEquals("official-sensitive", TopicRecorder.header(published.get(3), "ce_classification"));
    }

    @Test
    void aSecondReceptionWhileInCustodyIsAConflictAndPublishesNothing() {
        String person = PersonReference.random();
        Map<String, String> reception = Map.of("person", person, "prisonNumber", "B2345CD", "establishment", "HMP Whitemoor",
                "securityCategory", "B", "receivedOn", "2026-02-01");
        asGateway().body(reception).post("/api/v1/custody-episodes").then().statusCode(201);

        asGateway().body(reception).post("/api/v1/custody-episodes").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:conflict"));

        awaitEvents(person, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> events.about(person).size() == 2);
    }

    @Test
    void withoutTheGatewaysIdentityTheApiAnswers401Or403() {
        given().get("/api/v1/custody-episodes?person=" + PersonReference.random()).then().statusCode(401);
        given().auth().oauth2(TestTokens.otherClient())
                .get("/api/v1/custody-episodes?person=" + PersonReference.random()).then().statusCode(401);
    }

    @Test
    void everyPublishedEventTypeHasItsSchemaServedWithoutAToken() {
        given().get("/schemas").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.hasItems(PrisonsEvents.RECEIVED.name(),
                        "org.interlock.prisons.allocation.started.v1"));
        for (var type : PrisonsEvents.ALL) {
            given().get("/schemas/" + type.name()).then().statusCode(200)
                    .contentType("application/schema+json")
                    .body("$id", equalTo("urn:interlock:schema:" + type.name()));
        }
        given().get("/schemas/org.interlock.prisons.custody.unknown.v1").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static Set<String> keys(JsonNode data) {
        Set<String> keys = new TreeSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static List<ConsumerRecord<String, String>> awaitEvents(String person, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events.about(person).size() >= count);
        List<ConsumerRecord<String, String>> published = events.about(person);
        assertEquals(count, published.size(), "exactly " + count + " events for the person");
        return published;
    }
}
