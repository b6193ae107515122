package org.interlock.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes raw records (headers included) to a topic, as the gateway or a faulty producer would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** @return when the record was written: its timestamp, as the producer set it and the broker keeps it */
    public static Instant send(String topic, String key, String value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return Instant.ofEpochMilli(producer.send(record).get(10, TimeUnit.SECONDS).timestamp());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    /** The binary-mode CloudEvents headers of an Interlock event. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject,
            String category, String classification) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source,
                "ce_subject", subject, "ce_time", java.time.OffsetDateTime.now().toString(),
                "ce_category", category, "ce_classification", classification, "content-type", "application/json");
    }
}
