package org.interlock.gateway.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One replica's reader of some topics, on a thread of its own and without a consumer group: it
 * assigns itself every partition, starts each where it is told (the beginning, or the last so many
 * records), and hands whole polls to its handler. It knows when it has <em>caught up</em>: read
 * every partition up to the end offset it had when the reader first saw it, which is what a
 * replica must do before it may decide on what it read (ADR 0012). Positions, not the records
 * seen, say so: a compacted topic has gaps and a transactional one has markers.
 *
 * <p>A handler must not throw for one bad record: a poll whose handling fails is read again.
 *
 * <p>Topics that do not exist yet count as empty (the reader never creates one: a topic created by
 * a reader would lack its compaction) and are looked for again, as are new partitions.
 */
public final class TopicReader {

    private static final Logger LOG = Logger.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA = Duration.ofSeconds(10);
    private static final Duration DISCOVERY = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Where a partition is first read from, given its beginning and end offsets. */
    @FunctionalInterface
    public interface Start {

        long offset(long beginning, long end);

        static Start beginning() {
            return (beginning, end) -> beginning;
        }

        /** The last {@code records} offsets of the partition (fewer records where compaction or retention removed some). */
        static Start last(long records) {
            return (beginning, end) -> Math.max(beginning, end - records);
        }
    }

    private final String name;
    private final Map<String, Object> kafka;
    private final List<String> topics;
    private final Start start;
    private final Consumer<ConsumerRecords<String, byte[]>> handler;
    /** The reader thread's own: the next offset of every partition it reads. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** The end offsets the reader had to reach, fixed when it first saw the topics. */
    private volatile Map<TopicPartition, Long> targets;
    private final AtomicLong records = new AtomicLong();
    private volatile long startedAt;
    private volatile long caughtUpAfterNanos = -1;
    private volatile long behind = -1;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public TopicReader(String name, Map<String, Object> kafka, List<String> topics, Start start,
            Consumer<ConsumerRecords<String, byte[]>> handler) {
        this.name = name;
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.start = start;
        this.handler = handler;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            startedAt = System.nanoTime();
            thread = Thread.ofPlatform().name("topics-" + name).daemon().start(this::run);
        }
    }

    public synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(15));
        thread = null;
    }

    /** Whether every partition has been read up to the end offset it had when the reader first saw it. */
    public boolean caughtUp() {
        return caughtUpAfterNanos >= 0;
    }

    /** How long catching up took, or -1 while it has not. */
    public long caughtUpAfterMillis() {
        return caughtUpAfterNanos < 0 ? -1 : Duration.ofNanos(caughtUpAfterNanos).toMillis();
    }

    /** Records read so far, tombstones included. */
    public long recordsRead() {
        return records.get();
    }

    /** Offsets still to read before catching up (-1 before the topics were first seen), an upper bound on records. */
    public long behind() {
        return behind;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig())) {
                consumer = c;
                long discovered = System.nanoTime() - DISCOVERY.toNanos() - 1;
                boolean everyTopic = false;
                while (running) {
                    // A topic still missing is looked for every second: its first events are awaited.
                    if (System.nanoTime() - discovered > (everyTopic ? DISCOVERY : RETRY).toNanos()) {
                        everyTopic = discover(c);
                        discovered = System.nanoTime();
                    }
                    if (c.assignment().isEmpty()) {
                        // None of the topics exists yet: nothing to poll (a consumer without partitions may not).
                        measure();
                        pause();
                        continue;
                    }
                    ConsumerRecords<String, byte[]> polled = c.poll(POLL);
                    if (!polled.isEmpty()) {
                        handler.accept(polled);
                        records.addAndGet(polled.count());
                    }
                    c.assignment().forEach(partition -> positions.put(partition, c.position(partition)));
                    measure();
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                // Read on from the positions reached: a poll is handed over again only if it failed
                // (the handlers' views take the same state twice without harm).
                LOG.warnf("Reader %s restarts from the positions it reached: %s", name, e.toString());
                pause();
            }
        }
    }

    /**
     * Assigns every partition of the topics, each new one at its start (or where this reader was);
     * says whether every topic exists.
     */
    private boolean discover(KafkaConsumer<String, byte[]> c) {
        Set<TopicPartition> all = new HashSet<>();
        boolean everyTopic = true;
        for (String topic : topics) {
            List<PartitionInfo> partitions = c.partitionsFor(topic, METADATA);
            if (partitions == null || partitions.isEmpty()) {
                everyTopic = false;
            } else {
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
        }
        Set<TopicPartition> fresh = new HashSet<>(all);
        fresh.removeAll(c.assignment());
        if (fresh.isEmpty() && targets != null) {
            return everyTopic;
        }
        Map<TopicPartition, Long> ends = c.endOffsets(fresh, METADATA);
        Map<TopicPartition, Long> beginnings = c.beginningOffsets(fresh, METADATA);
        c.assign(all);
        for (TopicPartition partition : fresh) {
            Long reached = positions.get(partition);
            c.seek(partition, reached != null ? reached : start.offset(beginnings.get(partition), ends.get(partition)));
        }
        if (targets == null) {
            targets = Map.copyOf(ends);
            LOG.infof("Reader %s reads %d partitions of %s, to catch up with %d offsets", name, all.size(), topics,
                    ends.entrySet().stream().mapToLong(e -> e.getValue()
                            - start.offset(beginnings.get(e.getKey()), e.getValue())).sum());
        }
        return everyTopic;
    }

    private void measure() {
        Map<TopicPartition, Long> goal = targets;
        if (goal == null) {
            return;
        }
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> target : goal.entrySet()) {
            remaining += Math.max(0, target.getValue() - positions.getOrDefault(target.getKey(), 0L));
        }
        behind = remaining;
        if (remaining == 0 && caughtUpAfterNanos < 0) {
            caughtUpAfterNanos = System.nanoTime() - startedAt;
            LOG.infof("Reader %s caught up in %d ms (%d records read)", name, caughtUpAfterMillis(), records.get());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove("group.id");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        config.put("enable.auto.commit", "false");
        config.put("isolation.level", "read_committed");
        config.put("allow.auto.create.topics", "false");
        config.put("max.poll.records", 5000);
        config.put("client.id", "interlock-gateway-" + name + "-" + UUID.randomUUID());
        return config;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
