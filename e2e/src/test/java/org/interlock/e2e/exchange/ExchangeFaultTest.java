package org.interlock.e2e.exchange;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interlock.stack.KafkaBroker;
import org.interlock.testing.TestInfrastructure;
import org.interlock.testing.TestStack;
import org.interlock.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/**
 * Exactly once from agency topic to inbox, through a crash: 10,000 prison events for 500 people,
 * and while they are being routed the gateway or the broker (a JVM of its own) killed with SIGKILL
 * and started again. The first half is sent before the kill and the second after it, so the kill
 * always lands before routing is done. Once every copy is there, the inboxes are counted again
 * after a quiet period, so a duplicate that arrives late is seen: probation's inbox holds each
 * event once, in each person's order, and no other inbox holds any of them.
 */
class ExchangeFaultTest {

    private static final int EVENTS = 10_000;
    private static final int PEOPLE = 500;
    private static final String TYPE = "org.interlock.prisons.custody.received.v1";
    private static final Duration ALL_ROUTED = Duration.ofMinutes(4);
    private static final Duration QUIET = Duration.ofSeconds(15);

    @Test
    void aGatewayKilledMidStreamLosesNothingAndDuplicatesNothing() {
        TestStack stack = TestStack.shared();
        exactlyOnceThrough(() -> stack.kill("gateway"), () -> stack.restart("gateway"));
    }

    @Test
    void aBrokerKilledMidStreamLosesNothingAndDuplicatesNothing() {
        TestStack.shared();
        KafkaBroker kafka = TestInfrastructure.shared().kafka();
        exactlyOnceThrough(() -> {
            long pid = kafka.pid();
            kafka.kill();
            assertTrue(ProcessHandle.of(pid).isEmpty() || !ProcessHandle.of(pid).get().isAlive(),
                    "the broker's JVM is gone");
        }, kafka::start);
    }

    private static void exactlyOnceThrough(Runnable kill, Runnable recover) {
        try (TopicRecorder probation = new TopicRecorder("interlock.inbox.probation");
                TopicRecorder prisons = new TopicRecorder("interlock.inbox.prisons");
                TopicRecorder partners = new TopicRecorder("interlock.inbox.partners");
                TopicRecorder intelligence = new TopicRecorder("interlock.inbox.intelligence")) {
            List<String> people = people();
            Map<String, List<String>> sentByPerson = new LinkedHashMap<>();
            send(people, 0, EVENTS / 2, sentByPerson);
            Set<String> sent = new HashSet<>();
            sentByPerson.values().forEach(sent::addAll);
            await().atMost(ALL_ROUTED).until(() -> ours(probation, sent).size() >= EVENTS / 10);

            kill.run();
            int atKill = ours(probation, sent).size();
            recover.run();
            send(people, EVENTS / 2, EVENTS, sentByPerson);
            sentByPerson.values().forEach(sent::addAll);
            System.out.printf("[exchange-fault] %d of %d copies delivered when the kill came%n", atKill, EVENTS);
            assertTrue(atKill < EVENTS, "the kill came before routing was done");

            await().atMost(ALL_ROUTED).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ours(probation, sent).size() >= EVENTS);
            // Hold the count for a quiet period: a duplicate arriving late must not go unseen.
            await().during(QUIET).atMost(QUIET.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ours(probation, sent).size() == EVENTS);

            List<ConsumerRecord<String, String>> copies = ours(probation, sent);
            assertEquals(EVENTS, copies.size(), "each event once");
            assertEquals(sent, new HashSet<>(copies.stream().map(ExchangeFaultTest::source).toList()));
            Map<String, List<String>> receivedByPerson = new HashMap<>();
            copies.forEach(r -> receivedByPerson.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(source(r)));
            assertEquals(sentByPerson, receivedByPerson, "each person's events in the order they happened");
            for (TopicRecorder other : List.of(prisons, partners, intelligence)) {
                assertTrue(ours(other, sent).isEmpty(), "and nothing anywhere else");
            }
        }
    }

    private static List<ConsumerRecord<String, String>> ours(TopicRecorder inbox, Set<String> sent) {
        return inbox.records().stream().filter(r -> sent.contains(source(r))).toList();
    }

    private static String source(ConsumerRecord<String, String> record) {
        return TopicRecorder.header(record, "ce_sourceeventid");
    }

    private static List<String> people() {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add("urn:interlock:person:" + UUID.randomUUID());
        }
        return people;
    }

    /** Receptions {@code from} to {@code to} (exclusive), as the prisons service would publish them, noted per person in order. */
    private static void send(List<String> people, int from, int to, Map<String, List<String>> byPerson) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = from; i < to; i++) {
                String person = people.get(i % PEOPLE);
                String id = UUID.randomUUID().toString();
                ProducerRecord<String, String> record = new ProducerRecord<>("interlock.prisons.events", person, """
                        {"id":"%s","person":"%s","prisonNumber":"A%05dZZ","establishment":"HMP Frankland",
                         "securityCategory":"B","receivedOn":"2026-01-10","status":"IN_CUSTODY"}"""
                        .formatted(UUID.randomUUID(), person, i));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", id);
                header(record, "ce_type", TYPE);
                header(record, "ce_source", "urn:interlock:agency:prisons");
                header(record, "ce_subject", person);
                header(record, "ce_time", OffsetDateTime.now().toString());
                header(record, "ce_category", "custody.reception");
                header(record, "ce_classification", "official-sensitive");
                header(record, "content-type", "application/json");
                producer.send(record);
                byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
