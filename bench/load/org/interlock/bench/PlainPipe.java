package org.interlock.bench;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain Kafka pipe the exchange is compared with, tuned as in
 * ../shared/notes/kafka-baseline.md and run in a JVM of its own, as the exchange runs in the
 * gateway's: consume (read_committed, 2 MiB socket receive buffer) → Jackson parse, add a field,
 * re-serialise → produce (idempotent, acks=all, linger.ms=5, batch.size=64 KiB), exactly once:
 * the consumed offsets go in the producer's transaction, committed every 1,000 records or every
 * 100 ms, whichever comes first. One processing thread, like the exchange.
 *
 * <p>Arguments: Kafka bootstrap, output topic, input topics. Prints {@code READY} once it holds
 * its partitions and its transactions are initialised, then pipes until its standard input
 * closes, and prints {@code STATS|records|transactions|commit ms total} before it exits.
 */
public final class PlainPipe {

    static final int COMMIT_RECORDS = 1_000;
    static final long COMMIT_NANOS = 100_000_000L;
    static final String SETTINGS = "exactly-once (transactions, read_committed), commit every 1,000 records or 100 ms,"
            + " linger.ms=5, batch.size=65536, receive.buffer.bytes=2 MiB, acks=all, no compression, one thread";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        String kafka = args[0];
        String out = args[1];
        List<String> in = List.of(args).subList(2, args.length);
        Thread.ofPlatform().daemon().start(PlainPipe::stopWhenInputCloses);
        long records = 0;
        long transactions = 0;
        long commitNanos = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            producer.initTransactions();
            consumer.subscribe(in);
            while (consumer.assignment().size() < partitions(consumer, in)) {
                consumer.poll(Duration.ofMillis(50));
            }
            System.out.println("READY");
            System.out.flush();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            int inTransaction = 0;
            long began = 0;
            while (running) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(10));
                for (ConsumerRecord<String, byte[]> record : polled) {
                    if (inTransaction == 0) {
                        producer.beginTransaction();
                        began = System.nanoTime();
                    }
                    producer.send(transformed(out, record));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    if (++inTransaction == COMMIT_RECORDS) {
                        commitNanos += commit(producer, consumer, offsets);
                        records += inTransaction;
                        transactions++;
                        inTransaction = 0;
                    }
                }
                if (inTransaction > 0 && System.nanoTime() - began >= COMMIT_NANOS) {
                    commitNanos += commit(producer, consumer, offsets);
                    records += inTransaction;
                    transactions++;
                    inTransaction = 0;
                }
            }
        }
        System.out.printf("STATS|%d|%d|%.0f%n", records, transactions, commitNanos / 1e6);
    }

    /** Commits the open transaction with the offsets consumed in it; returns how long that took (ns). */
    private static long commit(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, OffsetAndMetadata> offsets) {
        long begin = System.nanoTime();
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
        offsets.clear();
        return System.nanoTime() - begin;
    }

    /** The transformation a copy needs minus the policy: parse, add a field, re-serialise; headers kept. */
    private static ProducerRecord<String, byte[]> transformed(String out, ConsumerRecord<String, byte[]> record) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(record.value());
            data.put("pipedAt", System.currentTimeMillis());
            return new ProducerRecord<>(out, null, record.key(), JSON.writeValueAsBytes(data), record.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON at " + record.topic() + "@" + record.offset(), e);
        }
    }

    private static int partitions(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        return topics.stream().mapToInt(t -> consumer.partitionsFor(t).size()).sum();
    }

    private static void stopWhenInputCloses() {
        try (InputStream input = System.in) {
            while (input.read() >= 0) {
                // nothing is sent: only the end counts
            }
        } catch (java.io.IOException ignored) {
            // closed
        }
        running = false;
    }

    private static KafkaConsumer<String, byte[]> consumer(String kafka) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-pipe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-pipe-" + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
