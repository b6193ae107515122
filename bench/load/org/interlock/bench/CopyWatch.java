package org.interlock.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads output topics as a recipient does (read_committed, from their end when it opens) and notes
 * when each copy arrived, keyed {@code recipient|source event id} — for the exchange's inboxes the
 * copy's {@code recipient} and {@code sourceeventid} extensions, for the plain pipe "pipe" and the
 * event's own id — and {@code recipient|person} for the first copy about each person. Counts what
 * a recipient must never see: a copy twice (exactly once per inbox), and a partner's copy with a
 * field its agreement does not release.
 */
final class CopyWatch implements AutoCloseable {

    /** What the agreements with horizon-mentoring release (prisons' release, probation's licence conditions). */
    private static final Set<String> PARTNER_FIELDS = Set.of("person", "status", "releaseDate", "releasedOn", "kind",
            "startsOn", "endsOn");
    /** The events of the bench's mix that reach the partner as a projection. */
    private static final Set<String> PROJECTED_TYPES = Set.of("org.interlock.prisons.custody.release-date-set.v1",
            "org.interlock.probation.licence-condition.imposed.v1");
    private static final Set<String> STATUTORY = Set.of("prisons", "probation", "intelligence");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Arrival(long arrivedMillis, long eventMillis) {
    }

    private final boolean pipe;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> firstByPerson = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong overReleased = new AtomicLong();
    private final KafkaConsumer<String, String> consumer;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean open = true;

    /** Returns once the watch holds its partitions and their end: whatever comes next is seen. */
    CopyWatch(String kafka, Collection<String> topics, boolean pipe) throws InterruptedException {
        this.pipe = pipe;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.copyOf(topics));
        poller = Thread.ofPlatform().name("copy-watch").start(this::poll);
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The watch got no partitions of " + topics);
        }
    }

    private void poll() {
        try {
            while (open) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(20));
                if (positioned.getCount() > 0 && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position);
                    positioned.countDown();
                }
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    seen(record, now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            System.err.println("copy watch failed: " + e);
        }
    }

    private void seen(ConsumerRecord<String, String> record, long now) {
        String recipient = pipe ? "pipe" : header(record, "ce_recipient");
        String source = pipe ? header(record, "ce_id") : header(record, "ce_sourceeventid");
        if (recipient == null) {
            return;
        }
        firstByPerson.putIfAbsent(recipient + "|" + record.key(), now);
        if (source == null) {
            return;
        }
        String time = header(record, "ce_time");
        long eventMillis = time == null ? now : OffsetDateTime.parse(time).toInstant().toEpochMilli();
        if (arrivals.putIfAbsent(recipient + "|" + source, new Arrival(now, eventMillis)) != null) {
            duplicates.incrementAndGet();
        }
        if (!pipe && PROJECTED_TYPES.contains(header(record, "ce_type")) && !STATUTORY.contains(recipient)) {
            checkReleased(record.value());
        }
    }

    private void checkReleased(String value) {
        try {
            JsonNode data = JSON.readTree(value);
            data.fieldNames().forEachRemaining(field -> {
                if (!PARTNER_FIELDS.contains(field)) {
                    overReleased.incrementAndGet();
                }
            });
        } catch (java.io.IOException e) {
            overReleased.incrementAndGet();
        }
    }

    /** Waits until every expected copy has arrived or the limit passes; returns how many arrived. */
    int await(Collection<String> expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !arrivals.keySet().containsAll(expected)) {
            Thread.sleep(20);
        }
        return (int) expected.stream().filter(arrivals::containsKey).count();
    }

    /** Waits for a first copy about each of the persons at the recipient; returns how many arrived. */
    int awaitPersons(String recipient, Collection<String> persons, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && !persons.stream().allMatch(p -> firstByPerson.containsKey(recipient + "|" + p))) {
            Thread.sleep(20);
        }
        return (int) persons.stream().filter(p -> firstByPerson.containsKey(recipient + "|" + p)).count();
    }

    /** Whether a copy about the person has reached the recipient. */
    boolean hasPerson(String recipient, String person) {
        return firstByPerson.containsKey(recipient + "|" + person);
    }

    /** When the last of the expected copies that arrived did (epoch ms), or -1. */
    long lastArrival(Collection<String> expected) {
        return expected.stream().map(arrivals::get).filter(java.util.Objects::nonNull)
                .mapToLong(Arrival::arrivedMillis).max().orElse(-1);
    }

    /** Arrival minus the event's time (ce_time, set when it was written) of each expected copy that arrived. */
    Latencies sinceEventTime(Collection<String> expected) {
        Latencies latencies = new Latencies();
        expected.stream().map(arrivals::get).filter(java.util.Objects::nonNull)
                .forEach(a -> latencies.addMillis(a.arrivedMillis() - a.eventMillis()));
        return latencies;
    }

    /** Arrival of the first copy about each person minus when its write was due. */
    Latencies sinceDue(String recipient, Map<String, Long> dueByPerson) {
        Latencies latencies = new Latencies();
        dueByPerson.forEach((person, due) -> {
            Long arrived = firstByPerson.get(recipient + "|" + person);
            if (arrived != null) {
                latencies.addMillis(arrived - due);
            }
        });
        return latencies;
    }

    long duplicates() {
        return duplicates.get();
    }

    long overReleased() {
        return overReleased.get();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        consumer.wakeup();
        poller.join(5_000);
        consumer.close();
    }
}
