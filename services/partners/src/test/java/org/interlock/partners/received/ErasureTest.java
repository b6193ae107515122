package org.interlock.partners.received;

import static org.awaitility.Awaitility.await;
import static org.interlock.partners.received.PartnerInbox.FAITH;
import static org.interlock.partners.received.PartnerInbox.HORIZON;
import static org.interlock.partners.received.PartnerInbox.deliverCopy;
import static org.interlock.partners.received.PartnerInbox.deliverNotice;
import static org.interlock.partners.received.PartnerInbox.held;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.PartnersEvents;
import org.interlock.testing.CloudEventAssertions;
import org.interlock.testing.KafkaPostgresResource;
import org.interlock.testing.TestDatabase;
import org.interlock.testing.TopicRecorder;
import org.interlock.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a consent ends, the organisation that received data under it erases exactly the copies the
 * gateway's notice lists, only its own, and confirms it once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "partners"))
class ErasureTest {

    private static TopicRecorder events;

    private String person;
    private String first;
    private String second;
    private String kept;

    @BeforeAll
    static void record() {
        events = new TopicRecorder("interlock.partners.events");
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    /** Horizon holds three copies about a fresh person, Faith Bridge a copy of the first of the same source events. */
    @BeforeEach
    void copies() {
        PartnerInbox.registerOrganisations();
        person = PersonReference.random();
        first = UUID.randomUUID().toString();
        second = UUID.randomUUID().toString();
        kept = UUID.randomUUID().toString();
        deliverCopy(HORIZON, person, first);
        deliverCopy(HORIZON, person, second);
        deliverCopy(HORIZON, person, kept);
        deliverCopy(FAITH, person, first);
        await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).size() == 3 && held(FAITH, person).size() == 1);
    }

    @Test
    void aNoticeDeletesExactlyTheListedCopiesOfItsOrganisationAndNoOtherOrganisations() {
        deliverNotice(UUID.randomUUID().toString(), HORIZON, person, List.of(first, second));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() == 1);
        assertEquals(List.of(kept), held(HORIZON, person));
        assertEquals(List.of(first), held(FAITH, person));
    }

    @Test
    void aNoticeIsConfirmedOnceWithWhatWasErased() {
        String unknown = UUID.randomUUID().toString();
        String notice = deliverNotice(UUID.randomUUID().toString(), HORIZON, person, List.of(second, unknown, first));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> confirmations().size() == 1);
        JsonNode confirmed = CloudEventAssertions.assertInterlockEvent(confirmations().get(0),
                PartnersEvents.ERASURE_CONFIRMED, person);
        assertEquals("official", TopicRecorder.header(confirmations().get(0), "ce_classification"));
        assertEquals("""
                {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","erased":2,"events":["%s","%s"]}"""
                .formatted(notice, HORIZON, PartnerInbox.CONSENT, person, second, first), confirmed.toString());
    }

    @Test
    void aDuplicateNoticeErasesAndConfirmsNothingMore() {
        String duplicate = UUID.randomUUID().toString();
        String notice = deliverNotice(duplicate, HORIZON, person, List.of(first));
        deliverNotice(duplicate, HORIZON, person, List.of(first));
        // Same key, same partition: the next notice's confirmation follows whatever the duplicate caused.
        String next = deliverNotice(UUID.randomUUID().toString(), HORIZON, person, List.of(kept));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> confirmations().size() == 2);
        assertEquals(List.of(notice, next), confirmations().stream().map(r -> data(r).path("notice").asText()).toList());
        assertEquals(List.of(second), held(HORIZON, person));
    }

    @Test
    void aNoticeForCopiesTheOrganisationDoesNotHoldConfirmsThatNothingWasErased() {
        deliverNotice(UUID.randomUUID().toString(), FAITH, person, List.of(second, kept));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() == 1);
        JsonNode confirmed = CloudEventAssertions.assertInterlockEvent(confirmations().get(0),
                PartnersEvents.ERASURE_CONFIRMED, person);
        assertEquals(0, confirmed.path("erased").asInt(-1));
        assertEquals(0, confirmed.path("events").size());
        assertEquals(List.of(first), held(FAITH, person));
    }

    @Test
    void anErasedCopyLeavesNoContentInTheInboxRecord() {
        String copy = PartnerInbox.copyId(first, HORIZON);
        deliverNotice(UUID.randomUUID().toString(), HORIZON, person, List.of(first));

        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() == 1);
        assertEquals(1, TestDatabase.number("partners",
                "SELECT count(*) FROM inbox_event WHERE id = '" + copy + "' AND payload = '{}'"));
    }

    @Test
    void anErasedCopyRedeliveredLaterIsNotStoredAgain() {
        deliverNotice(UUID.randomUUID().toString(), HORIZON, person, List.of(first));
        await().atMost(Duration.ofSeconds(20)).until(() -> confirmations().size() == 1);

        deliverCopy(HORIZON, person, first);
        String marker = UUID.randomUUID().toString();
        deliverCopy(HORIZON, person, marker);

        await().atMost(Duration.ofSeconds(20)).until(() -> held(HORIZON, person).contains(marker));
        assertEquals(List.of(second, kept, marker), held(HORIZON, person));
    }

    @Test
    void aNoticeWhoseOrganisationIsNotItsRecipientIsDeadLettered() {
        try (TopicRecorder deadLetters = new TopicRecorder("interlock.partners.deadletter")) {
            String id = UUID.randomUUID().toString();
            Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(id,
                    "org.interlock.gateway.erasure.requested.v1", "/interlock/gateway", person, "consent", "official"));
            headers.put("ce_recipient", FAITH);
            TopicWriter.send(PartnerInbox.TOPIC, person, """
                    {"notice":"%s","organisation":"%s","consent":"%s","person":"%s","reason":"consent-withdrawn","events":["%s"]}"""
                    .formatted(UUID.randomUUID(), HORIZON, PartnerInbox.CONSENT, person, first), headers);

            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.about(person).size() == 1);
            assertEquals("erasure notice whose organisation is not its recipient",
                    TopicRecorder.header(deadLetters.about(person).get(0), "dead-letter-reason"));
            assertEquals(List.of(first, second, kept), held(HORIZON, person));
            assertEquals(List.of(), confirmations());
        }
    }

    private List<ConsumerRecord<String, String>> confirmations() {
        return events.about(person).stream()
                .filter(r -> PartnersEvents.ERASURE_CONFIRMED.name().equals(TopicRecorder.header(r, "ce_type")))
                .toList();
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        return CloudEventAssertions.assertMatchesSchema(PartnersEvents.ERASURE_CONFIRMED, record.value());
    }
}
