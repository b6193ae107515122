package org.interlock.people.events;

import static org.awaitility.Awaitility.await;
import static org.interlock.people.Requests.PRISON_OFFICER;
import static org.interlock.people.Requests.as;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "people"))
class PrisonReceptionsTest {

    @Test
    void aReceptionOnThePrisonsTopicMakesItsPrisonNumberFindableUnderItsPersonReference() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        String data = """
                {"id":"%s","person":"%s","prisonNumber":"R4321ST","establishment":"HMP Belmarsh","status":"IN_CUSTODY",
                 "receivedOn":"2026-01-10"}""".formatted(UUID.randomUUID(), person);
        var headers = TopicWriter.cloudEventHeaders(id, PrisonReceptions.RECEIVED, "/agencies/prisons", person,
                "custody.reception", "official-sensitive");
        TopicWriter.send("interlock.prisons.events", person, data, headers);

        await().atMost(Duration.ofSeconds(30)).until(() -> as(PRISON_OFFICER)
                .queryParam("identifier", "prison-number:R4321ST").get("/api/v1/persons").statusCode() == 200);
        as(PRISON_OFFICER).queryParam("identifier", "prison-number:R4321ST").get("/api/v1/persons")
                .then().body("person", org.hamcrest.Matchers.equalTo(person));
    }
}
