package org.interlock.gateway.feeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Topics;
import org.interlock.gateway.topics.AgencyEvents;

/**
 * The agency topics themselves, for a resume point older than the feed log holds in memory (after
 * a restart, or a long disconnection): a subscriber reads what it missed straight from Kafka, from
 * its position up to where the log's window begins, then joins the log. A resume point is good for
 * as long as the topics keep the events, not for as long as one replica's memory does.
 */
@ApplicationScoped
public class FeedHistory {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final AgencyEvents events;

    public FeedHistory(@Identifier("default-kafka-broker") Map<String, Object> kafka, AgencyEvents events) {
        this.kafka = kafka;
        this.events = events;
    }

    /** Whether the topics still hold every event after {@code resume}. */
    public boolean holds(FeedPosition resume) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions(consumer), METADATA);
            return earliest.entrySet().stream().allMatch(e ->
                    resume.offsets().getOrDefault(key(e.getKey()), -1L) + 1 >= e.getValue());
        }
    }

    /**
     * Hands {@code batches} every event after {@code from} and before {@code until} (per partition,
     * exclusive: where the log's window begins), in each partition's order, as long as
     * {@code stopped} is false; returns the position reached.
     */
    public FeedPosition replay(FeedPosition from, Map<String, Long> until, Predicate<FeedEntry> wanted,
            Consumer<List<FeedEntry>> batches, BooleanSupplier stopped) {
        FeedPosition position = from;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions(consumer)) {
                long start = from.offsets().getOrDefault(key(partition), -1L) + 1;
                Long end = until.get(key(partition));
                if (end != null && start < end) {
                    remaining.put(partition, end);
                }
            }
            consumer.assign(remaining.keySet());
            remaining.keySet().forEach(p -> consumer.seek(p, from.offsets().getOrDefault(key(p), -1L) + 1));
            while (!remaining.isEmpty() && !stopped.getAsBoolean()) {
                List<FeedEntry> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    position = position.after(key(partition), record.offset());
                    if (events.read(record.topic(), record.headers(), record.value()) instanceof AgencyEvents.Valid v) {
                        FeedEntry entry = new FeedEntry(key(partition), record.offset(), v.event(),
                                FeedEntry.heapEstimate(record.serializedValueSize()));
                        if (wanted.test(entry)) {
                            batch.add(entry);
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                }
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    long end = remaining.get(partition);
                    if (consumer.position(partition) >= end) {
                        remaining.remove(partition);
                        position = position.after(key(partition), end - 1);
                    }
                }
                consumer.pause(consumer.assignment().stream().filter(p -> !remaining.containsKey(p)).toList());
            }
        }
        return position;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            String topic = Topics.events(agency);
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private static String key(TopicPartition partition) {
        return FeedLog.partition(partition.topic(), partition.partition());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        config.put("enable.auto.commit", "false");
        config.put("isolation.level", "read_committed");
        config.put("max.poll.records", 500);
        config.put("client.id", "interlock-feed-history-" + UUID.randomUUID());
        return new KafkaConsumer<>(config);
    }
}
