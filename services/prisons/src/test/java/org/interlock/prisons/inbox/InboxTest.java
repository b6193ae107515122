package org.interlock.prisons.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.Test;

/** The inbox records each event once, and sets aside what it can never process. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prisons"))
class InboxTest {

    private static final String INBOX = "interlock.inbox.prisons";
    private static final String TYPE = "org.interlock.probation.supervision-case.recalled.v1";

    @Test
    void theSameEventDeliveredTwiceIsRecordedOnce() {
        String person = PersonReference.random();
        String id = UUID.randomUUID().toString();
        send(id, person, "{\"case\":{},\"detail\":{}}");
        send(id, person, "{\"case\":{},\"detail\":{}}");
        String marker = UUID.randomUUID().toString();
        send(marker, person, "{}");

        await().atMost(Duration.ofSeconds(20)).until(() -> count("id = '" + marker + "'") == 1);
        assertEquals(1, count("id = '" + id + "'"));
        assertEquals(2, count("subject = '" + person + "'"));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsProcessed() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.prisons.deadletter")) {
            String person = PersonReference.random();
            String bad = UUID.randomUUID().toString();
            send(bad, person, "this is not json");
            String good = UUID.randomUUID().toString();
            send(good, person, "{}");

            await().atMost(Duration.ofSeconds(20)).until(() -> count("id = '" + good + "'") == 1);
            assertEquals(0, count("id = '" + bad + "'"));
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            ConsumerRecord<String, String> dead = deadLetters.about(person).get(0);
            assertEquals(bad, TopicRecorder.header(dead, "ce_id"));
            assertEquals("data is not well-formed JSON", TopicRecorder.header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void anEventWithoutAPersonSubjectIsDeadLettered() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.prisons.deadletter")) {
            String id = UUID.randomUUID().toString();
            Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id, TYPE, "/agencies/probation",
                    "A1234BC", "supervision.recall", "official-sensitive"));
            TopicWriter.send(INBOX, "k", "{}", headers);

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.records().stream()
                    .anyMatch(r -> id.equals(TopicRecorder.header(r, "ce_id"))));
            ConsumerRecord<String, String> dead = deadLetters.records().stream()
                    .filter(r -> id.equals(TopicRecorder.header(r, "ce_id"))).findFirst().orElseThrow();
            assertEquals("subject is not a person reference", TopicRecorder.header(dead, "dead-letter-reason"));
        }
    }

    private static void send(String id, String person, String data) {
        TopicWriter.send(INBOX, person, data, TopicWriter.cloudEventHeaders(id, TYPE, "/agencies/probation", person,
                "supervision.recall", "official-sensitive"));
    }

    private static long count(String where) {
        return TestDatabase.number("prisons", "SELECT count(*) FROM inbox_event WHERE " + where);
    }
}
