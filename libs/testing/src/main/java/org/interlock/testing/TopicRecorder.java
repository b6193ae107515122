package org.interlock.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records every committed record of a topic, from its beginning, on a background thread: what a
 * downstream consumer would see. Survives broker restarts (the consumer reconnects by itself).
 */
public final class TopicRecorder implements AutoCloseable {

    /** Keyed by partition and offset: a consumer that re-reads after a broker restart adds nothing twice. */
    private final Map<String, ConsumerRecord<String, String>> records = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean open = true;

    public TopicRecorder(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "recorder-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (open) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> records.putIfAbsent(String.format("%05d:%012d", r.partition(), r.offset()), r));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** Every record so far, in offset order within each partition. */
    public List<ConsumerRecord<String, String>> records() {
        return new ArrayList<>(records.values());
    }

    /** Records whose CloudEvents subject is the person. */
    public List<ConsumerRecord<String, String>> about(String person) {
        return records.values().stream().filter(r -> person.equals(header(r, "ce_subject"))).toList();
    }

    /** Records under this key (a state topic's {@code <category>:<id>}), tombstones included. */
    public List<ConsumerRecord<String, String>> keyed(String key) {
        return records.values().stream().filter(r -> key.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.TreeMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        open = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
