package org.interlock.partners.received;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.interlock.partners.received.PartnerInbox.HORIZON;
import static org.interlock.partners.received.PartnerInbox.asGateway;
import static org.interlock.partners.received.PartnerInbox.deliverCopy;
import static org.interlock.partners.received.PartnerInbox.held;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A copy routed to a partner organisation is kept once for that organisation; one it cannot place is set aside. */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class RoutedCopyTest {

    private static final String DEAD_LETTERS = "interlock.partners.deadletter";

    @BeforeEach
    void organisations() {
        PartnerInbox.registerOrganisations();
    }

    @Test
    void aCopyDeliveredTwiceIsStoredOnce() {
        String person = PersonReference.random();
        String source = UUID.randomUUID().toString();
        String copy = deliverCopy(HORIZON, person, source);
        deliverCopy(HORIZON, person, source);
        String marker = UUID.randomUUID().toString();
        deliverCopy(HORIZON, person, marker);

        // Same key, same partition: once the marker is stored, both deliveries before it were processed.
        await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).contains(marker));
        asGateway().get("/api/v1/received-events?organisation=" + HORIZON + "&person=" + person).then()
                .statusCode(200).body("$", hasSize(2))
                .body("[0].id", equalTo(copy))
                .body("[0].person", equalTo(person))
                .body("[0].type", equalTo(PartnerInbox.RELEASED))
                .body("[0].sourceEventId", equalTo(source))
                .body("[0].consent", equalTo(PartnerInbox.CONSENT))
                .body("[0].receivedAt", notNullValue())
                .body("[0].data", equalTo(Map.of("person", person, "status", "RELEASED", "releasedOn", "2026-12-01")))
                .body("[1].sourceEventId", equalTo(marker));
    }

    @Test
    void aCopyWithoutARecipientIsDeadLetteredWithItsReasonAndTheNextIsStored() {
        try (TopicRecorder deadLetters = new TopicRecorder(DEAD_LETTERS)) {
            String person = PersonReference.random();
            String bad = deliverCopy(null, person, UUID.randomUUID().toString());
            String next = UUID.randomUUID().toString();
            deliverCopy(HORIZON, person, next);

            await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).contains(next));
            assertEquals(List.of(next), held(HORIZON, person));
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            ConsumerRecord<String, String> dead = deadLetters.about(person).get(0);
            assertEquals(bad, TopicRecorder.header(dead, "ce_id"));
            assertEquals("routed copy without a recipient", TopicRecorder.header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void aCopyForAnOrganisationThisServiceDoesNotKnowIsDeadLettered() {
        try (TopicRecorder deadLetters = new TopicRecorder(DEAD_LETTERS)) {
            String person = PersonReference.random();
            String bad = deliverCopy("no-such-organisation", person, UUID.randomUUID().toString());

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            ConsumerRecord<String, String> dead = deadLetters.about(person).get(0);
            assertEquals(bad, TopicRecorder.header(dead, "ce_id"));
            assertEquals("recipient is not an organisation of this service",
                    TopicRecorder.header(dead, "dead-letter-reason"));
        }
    }
}
