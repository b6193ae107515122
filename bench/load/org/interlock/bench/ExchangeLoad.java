package org.interlock.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The exchange under load, on one broker and one data set:
 * <ol>
 *   <li>a plain consume → transform → produce pipe (Kafka transactions, offsets in the
 *       transaction, read_committed — the exchange's plumbing without policy, consent, redaction
 *       or audit) over N prison events, events/s;</li>
 *   <li>the gateway's exchange over the same N events (decision per recipient, consent, redaction,
 *       one durable audit record per copy), from the first event written to the last copy seen in
 *       probation's inbox, events/s, and the ratio of the two;</li>
 *   <li>latency from the event's time to its copy in probation's inbox at a paced 1,000 events/s
 *       written to the agency topic (as the outbox relay writes them);</li>
 *   <li>latency from an agency's REST write through the gateway to the copy in the inbox, paced at
 *       50 writes/s and at 200, about what one service sustains on this machine (outbox.bench):
 *       1,000 REST writes/s are beyond it.</li>
 * </ol>
 * Prints BENCH lines for bench/run. Arguments: gateway URL, Keycloak URL, Kafka bootstrap, N,
 * seconds per paced phase.
 */
public final class ExchangeLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY_TOPIC = "interlock.prisons.events";
    private static final String INBOX = "interlock.inbox.probation";
    private static final String TYPE = "org.interlock.prisons.custody.received.v1";

    private final String kafka;

    private ExchangeLoad(String kafka) {
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String keycloak = args[1];
        ExchangeLoad load = new ExchangeLoad(args[2]);
        int events = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        double pipe = load.plainPipe(events);
        System.out.printf("BENCH|plain Kafka pipe (transactions, read_committed)|%.0f|events/s|-%n", pipe);
        double exchange = load.exchange(events);
        System.out.printf("BENCH|exchange (policy, consent, redaction, audit)|%.0f|events/s|>= 20000%n", exchange);
        System.out.printf("BENCH|exchange / plain pipe|%.2f|ratio|>= 0.5%n", exchange / pipe);

        List<Long> paced = load.pacedLatencies(1_000, seconds);
        System.out.printf("BENCH|agency topic -> inbox at 1,000 events/s, p50|%d|ms|-%n", percentile(paced, 50));
        System.out.printf("BENCH|agency topic -> inbox at 1,000 events/s, p99|%d|ms|-%n", percentile(paced, 99));
        System.out.printf("BENCH|agency topic -> inbox at 1,000 events/s, delivered|%d|of %d|-%n", paced.size(),
                1_000 * seconds);

        String token = token(keycloak, "olivia.prison");
        load.restLatencies(gateway, token, 50, 5); // warm-up: first requests pay for JIT and connections
        for (int rate : new int[] {50, 200}) {
            List<Long> rest = load.restLatencies(gateway, token, rate, seconds);
            System.out.printf("BENCH|REST write -> recipient inbox at %d writes/s, p50|%d|ms|-%n", rate,
                    percentile(rest, 50));
            System.out.printf("BENCH|REST write -> recipient inbox at %d writes/s, p99|%d|ms|<= 50 (at 1,000/s)%n",
                    rate, percentile(rest, 99));
        }
    }

    // --- 1. the plain pipe ---------------------------------------------------------------------

    private double plainPipe(int events) throws Exception {
        String in = "bench.pipe.in." + UUID.randomUUID();
        String out = "bench.pipe.out." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            int partitions = admin.describeTopics(List.of(AGENCY_TOPIC)).allTopicNames().get()
                    .get(AGENCY_TOPIC).partitions().size();
            admin.createTopics(List.of(new NewTopic(in, partitions, (short) 1), new NewTopic(out, partitions, (short) 1)))
                    .all().get();
        }
        produce(in, events, null);
        long start = System.nanoTime();
        int piped = 0;
        try (KafkaConsumer<String, String> consumer = consumer("bench-pipe-" + UUID.randomUUID(), "earliest");
                KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            consumer.subscribe(List.of(in));
            while (piped < events) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    // The same work a copy needs minus policy: parse, rebuild, re-serialise.
                    ProducerRecord<String, String> copy = new ProducerRecord<>(out, record.key(),
                            JSON.readTree(record.value()).toString());
                    record.headers().forEach(h -> copy.headers().add(h));
                    producer.send(copy);
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                piped += records.count();
            }
        }
        return events / seconds(start);
    }

    // --- 2. the exchange -----------------------------------------------------------------------

    private double exchange(int events) throws Exception {
        try (InboxWatch watch = new InboxWatch()) {
            long start = System.nanoTime();
            Set<String> ids = produce(AGENCY_TOPIC, events, null);
            watch.awaitAll(ids, Duration.ofMinutes(10));
            return events / seconds(start);
        }
    }

    // --- 3. paced, on the topic ----------------------------------------------------------------

    private List<Long> pacedLatencies(int perSecond, int seconds) throws Exception {
        try (InboxWatch watch = new InboxWatch();
                KafkaProducer<String, String> producer = producer()) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ids.add(send(producer, AGENCY_TOPIC, "urn:interlock:person:" + UUID.randomUUID()));
            }
            producer.flush();
            watch.awaitAll(ids, Duration.ofMinutes(2));
            return watch.latencies(ids);
        }
    }

    // --- 4. paced, through REST --------------------------------------------------------------

    private List<Long> restLatencies(String gateway, String token, int perSecond, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (InboxWatch watch = new InboxWatch()) {
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String person = "urn:interlock:person:" + UUID.randomUUID();
                clients.submit(() -> {
                    sentAt.put(person, System.currentTimeMillis());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/prisons/custody-episodes"))
                            .header("Authorization", "Bearer " + token).header("X-Purpose-Of-Use", "case-management")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"person":"%s","prisonNumber":"B1234CD","establishment":"HMP Frankland",
                                     "securityCategory":"B","receivedOn":"%s"}""".formatted(person, LocalDate.now())))
                            .build();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                });
            }
            clients.shutdown();
            clients.awaitTermination(2, TimeUnit.MINUTES);
            watch.awaitPersons(sentAt.keySet(), Duration.ofMinutes(2));
            return watch.latenciesByPerson(sentAt);
        }
    }

    // --- plumbing ------------------------------------------------------------------------------

    /** Writes {@code events} receptions of distinct people; returns their event ids. */
    private Set<String> produce(String topic, int events, String person) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < events; i++) {
                ids.add(send(producer, topic, person != null ? person : "urn:interlock:person:" + UUID.randomUUID()));
            }
            producer.flush();
        }
        return ids;
    }

    private static String send(KafkaProducer<String, String> producer, String topic, String person) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, person, """
                {"id":"%s","person":"%s","prisonNumber":"A1234BC","establishment":"HMP Frankland",
                 "securityCategory":"B","receivedOn":"2026-01-10","status":"IN_CUSTODY"}"""
                .formatted(UUID.randomUUID(), person));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", TYPE);
        header(record, "ce_source", "/agencies/prisons");
        header(record, "ce_subject", person);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_category", "custody.reception");
        header(record, "ce_classification", "official-sensitive");
        header(record, "content-type", "application/json");
        producer.send(record);
        return id;
    }

    /** Reads probation's inbox (committed only) and notes when each copy arrived. */
    private final class InboxWatch implements AutoCloseable {
        private final Map<String, Long> arrivedBySource = new ConcurrentHashMap<>();
        private final Map<String, Long> eventTimeBySource = new ConcurrentHashMap<>();
        private final Map<String, Long> arrivedByPerson = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> consumer = consumer("bench-inbox-" + UUID.randomUUID(), "latest");
        private final Thread poller;
        private volatile boolean open = true;

        private final java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);

        /** Returns once the watch has its partitions and its position: whatever comes next is seen. */
        InboxWatch() throws InterruptedException {
            consumer.subscribe(List.of(INBOX));
            poller = Thread.ofPlatform().name("inbox-watch").start(this::poll);
            positioned.await(60, TimeUnit.SECONDS);
        }

        private void poll() {
            try {
                while (open) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        consumer.assignment().forEach(consumer::position);
                        positioned.countDown();
                    }
                    for (ConsumerRecord<String, String> r : records) {
                        long now = System.currentTimeMillis();
                        String source = header(r, "ce_sourceeventid");
                        if (source != null) {
                            arrivedBySource.putIfAbsent(source, now);
                            eventTimeBySource.putIfAbsent(source, Instant.parse(header(r, "ce_time")).toEpochMilli());
                        }
                        arrivedByPerson.putIfAbsent(String.valueOf(r.key()), now);
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                System.err.println("inbox watch failed: " + e);
            }
        }

        void awaitAll(Set<String> sources, Duration limit) throws InterruptedException {
            await(() -> arrivedBySource.keySet().containsAll(sources), limit);
        }

        void awaitPersons(Set<String> persons, Duration limit) throws InterruptedException {
            await(() -> arrivedByPerson.keySet().containsAll(persons), limit);
        }

        List<Long> latencies(Set<String> sources) {
            List<Long> latencies = new ArrayList<>();
            sources.forEach(s -> {
                Long arrived = arrivedBySource.get(s);
                if (arrived != null) {
                    latencies.add(arrived - eventTimeBySource.get(s));
                }
            });
            return latencies;
        }

        List<Long> latenciesByPerson(Map<String, Long> sentAt) {
            List<Long> latencies = new ArrayList<>();
            sentAt.forEach((person, sent) -> {
                Long arrived = arrivedByPerson.get(person);
                if (arrived != null) {
                    latencies.add(arrived - sent);
                }
            });
            return latencies;
        }

        private void await(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            open = false;
            consumer.wakeup();
            poller.join(5_000);
            consumer.close();
        }
    }

    /** {@code reset}: "earliest" to read what was written before, "latest" to watch what comes. */
    private KafkaConsumer<String, String> consumer(String group, String reset) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaProducer<String, String> transactionalProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-pipe-" + UUID.randomUUID());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static String token(String keycloak, String persona) throws Exception {
        String form = "grant_type=password&client_id=interlock-cli&username=" + URLEncoder.encode(persona, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(persona, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/interlock/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
