package org.interlock.partners.activity;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.ServiceRequests;
import org.interlock.testing.TestActor;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner worker reports activities and concerns in their own name, and no one else's. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class ActivityReportTest {

    private static final TestActor MIA = TestActor.of("mia.mentor", "partners", "horizon-mentoring", "partner-caseworker");

    private static TopicRecorder events;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.partners.events");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    @BeforeEach
    void organisation() {
        ServiceRequests.asGatewayFor(MIA)
                .body(Map.of("id", "horizon-mentoring", "name", "Horizon Mentoring", "kind", "MENTORING"))
                .post("/api/v1/organisations").then().statusCode(oneOf(201, 409));
    }

    @Test
    void aConcernIsReportedByWhoeverRecordsItAndPublished() {
        String person = PersonReference.random();

        ServiceRequests.asGatewayFor(MIA).body(concern(person, "mia.mentor")).post("/api/v1/activities").then()
                .statusCode(201).body("reportedBy", equalTo("mia.mentor"));

        await().atMost(Duration.ofSeconds(20)).until(() -> events.about(person).size() == 1);
        assertEquals("org.interlock.partners.activity.concern-raised.v1",
                TopicRecorder.header(events.about(person).getFirst(), "ce_type"));
    }

    @Test
    void aConcernInAColleaguesNameIsRefusedAndNothingIsRecorded() {
        String person = PersonReference.random();

        ServiceRequests.asGatewayFor(MIA).body(concern(person, "hana.horizon")).post("/api/v1/activities").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reportedBy"));

        ServiceRequests.asGateway().get("/api/v1/activities?person=" + person).then().statusCode(200).body("$", empty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> events.about(person).isEmpty());
    }

    private static Map<String, Object> concern(String person, String reportedBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("person", person);
        body.put("organisation", "horizon-mentoring");
        body.put("kind", "CONCERN_RAISED");
        body.put("occurredOn", LocalDate.now().toString());
        body.put("reportedBy", reportedBy);
        body.put("notes", "Said he had been told not to come.");
        return body;
    }
}
