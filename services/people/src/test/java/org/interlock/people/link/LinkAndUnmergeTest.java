package org.interlock.people.link;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.interlock.people.Requests.ASSERTING_IDENTITY_MANAGER;
import static org.interlock.people.Requests.IDENTITY_MANAGER;
import static org.interlock.people.Requests.PRISON_OFFICER;
import static org.interlock.people.Requests.PROBATION_OFFICER;
import static org.interlock.people.Requests.as;
import static org.interlock.people.Requests.identity;
import static org.interlock.people.Requests.reviewLinking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "people"))
class LinkAndUnmergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TopicRecorder events;
    private static TopicRecorder links;

    @BeforeAll
    static void record() {
        events = new TopicRecorder(PersonIndex.EVENTS_TOPIC);
        links = new TopicRecorder(PersonIndex.LINKS_TOPIC);
    }

    @AfterAll
    static void stop() {
        events.close();
        links.close();
    }

    @Test
    void anotherPersonsIdentifierAssertedUnderOnesOwnPersonJoinsNobody() {
        String theirs = PersonReference.random();
        String mine = PersonReference.random();
        as(PRISON_OFFICER).body(identity(theirs, "Amir", "Haddad", "1988-11-02", "prison-number:C3456DE"))
                .post("/api/v1/identities").then().statusCode(201);

        as(PROBATION_OFFICER)
                .body(identity(mine, "Sam", "Cole", "1988-11-02", "crn:Z345678", "prison-number:C3456DE"))
                .post("/api/v1/identities")
                .then().statusCode(201).body("outcome", equalTo("RECORDED")).body("person", equalTo(mine));
        String review = reviewLinking(mine, theirs);

        as(IDENTITY_MANAGER).get("/api/v1/reviews/" + review).then().statusCode(200)
                .body("grade", equalTo("SAME_IDENTIFIER")).body("identifier", equalTo("prison-number:C3456DE"))
                .body("candidate", equalTo(theirs)).body("raisedBy", equalTo("paul.probation"));
        as(PROBATION_OFFICER).queryParam("identifier", "crn:Z345678").get("/api/v1/persons")
                .then().statusCode(200).body("person", equalTo(mine));
        assertTrue(events.about(theirs).stream().noneMatch(r -> PersonIndex.MERGED.equals(TopicRecorder.header(r, "ce_type"))),
                "no merge before an identity manager decides");
    }

    @Test
    void aStrongMatchWaitsForAnIdentityManagerOtherThanTheAsserterAndIsPublishedAsAConfirmedMerge() throws Exception {
        String prison = PersonReference.random();
        String other = PersonReference.random();
        as(PRISON_OFFICER).body(identity(prison, "Jonathan", "Whitfield", "1985-07-12", "prison-number:A1234BC"))
                .post("/api/v1/identities").then().statusCode(201);

        as(ASSERTING_IDENTITY_MANAGER)
                .body(identity(other, "Jonathon", "Whitfeild", "1985-07-12", "crn:X123456"))
                .post("/api/v1/identities").then().statusCode(201);
        String review = reviewLinking(other, prison);
        as(IDENTITY_MANAGER).get("/api/v1/reviews/" + review).then().body("grade", equalTo("AUTOMATIC_MATCH"));

        as(ASSERTING_IDENTITY_MANAGER).post("/api/v1/reviews/" + review + "/confirm").then().statusCode(403);
        as(ASSERTING_IDENTITY_MANAGER).post("/api/v1/reviews/" + review + "/reject").then().statusCode(403);
        String merge = as(IDENTITY_MANAGER).post("/api/v1/reviews/" + review + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).extract().path("merge");

        as(PRISON_OFFICER).queryParam("identifier", "crn:X123456").get("/api/v1/persons")
                .then().statusCode(200).body("person", equalTo(prison));
        JsonNode merged = JSON.readTree(awaitOne(events, prison, PersonIndex.MERGED).value());
        assertEquals(Map.of("merge", merge, "survivor", prison, "merged", other, "reason", "CONFIRMED",
                "decidedBy", "ida.identity"), Map.of("merge", merged.path("merge").asText(), "survivor",
                merged.path("survivor").asText(), "merged", merged.path("merged").asText(), "reason",
                merged.path("reason").asText(), "decidedBy", merged.path("decidedBy").asText()));
        assertEquals(List.of(other), List.of(merged.path("people").get(0).asText()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !links.keyed(other).isEmpty());
    }

    @Test
    void candidateConfirmedByAnIdentityManagerMergesAndAnUnmergeRestoresBothPeopleExactly() {
        String john = PersonReference.random();
        String joan = PersonReference.random();
        as(PRISON_OFFICER).body(identity(john, "John", "Hartley", "1970-03-09", "prison-number:B2345CD"))
                .post("/api/v1/identities").then().statusCode(201);
        as(PROBATION_OFFICER).body(identity(joan, "Joan", "Hartley", "1970-03-09", "crn:Y234567"))
                .post("/api/v1/identities").then().statusCode(201);
        String review = reviewLinking(joan, john);

        as(PROBATION_OFFICER).post("/api/v1/reviews/" + review + "/confirm").then().statusCode(403);
        String merge = as(IDENTITY_MANAGER).post("/api/v1/reviews/" + review + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).body("decidedBy", equalTo("ida.identity"))
                .extract().path("merge");
        as(PROBATION_OFFICER).queryParam("identifier", "crn:Y234567").get("/api/v1/persons")
                .then().body("person", equalTo(john));

        as(IDENTITY_MANAGER).body(Map.of("reason", "twins: different people")).post("/api/v1/merges/" + merge + "/unmerge")
                .then().statusCode(200).body("unmergedBy", equalTo("ida.identity"));

        as(PROBATION_OFFICER).queryParam("identifier", "crn:Y234567").get("/api/v1/persons")
                .then().body("person", equalTo(joan));
        as(PRISON_OFFICER).queryParam("identifier", "prison-number:B2345CD").get("/api/v1/persons")
                .then().body("person", equalTo(john));
        awaitOne(events, john, PersonIndex.UNMERGED);
        await().atMost(Duration.ofSeconds(20)).until(() -> links.keyed(joan).size() == 2);
        assertNull(links.keyed(joan).get(1).value(), "the unmerged reference's link is a tombstone");
        as(IDENTITY_MANAGER).body(Map.of("reason", "again")).post("/api/v1/merges/" + merge + "/unmerge")
                .then().statusCode(409);
    }

    private static ConsumerRecord<String, String> awaitOne(TopicRecorder recorder, String subject, String type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.about(subject).stream()
                .anyMatch(r -> type.equals(TopicRecorder.header(r, "ce_type"))));
        return recorder.about(subject).stream().filter(r -> type.equals(TopicRecorder.header(r, "ce_type")))
                .findFirst().orElseThrow();
    }
}
