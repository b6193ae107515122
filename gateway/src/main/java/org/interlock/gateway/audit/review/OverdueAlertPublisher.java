package org.interlock.gateway.audit.review;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.gateway.audit.store.OverdueAlert;

/**
 * Sends overdue-review alerts to {@value #TOPIC}, keyed by the user's agency, as binary-mode
 * CloudEvents of type {@value #TYPE}. Not to the agencies' inboxes: an inbox records what it
 * receives as the agency's data about a person and sends anything else to its dead-letter topic,
 * while this is a notice about one of the agency's users (ADR 0009).
 */
@ApplicationScoped
public class OverdueAlertPublisher {

    public static final String TOPIC = "interlock.gateway.alerts";
    public static final String TYPE = "org.interlock.gateway.break-glass-review.overdue.v1";
    /** The extension naming the agency the alert is for. */
    public static final String RECIPIENT = "recipient";
    private static final long ACK_TIMEOUT_SECONDS = 10;

    private final Map<String, Object> kafka;
    private final ObjectMapper json;
    private final ReviewConfig config;
    private KafkaProducer<String, String> producer;

    public OverdueAlertPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json,
            ReviewConfig config) {
        this.kafka = kafka;
        this.json = json;
        this.config = config;
    }

    /** Returns once the broker has the alert; throws when it does not within the time-out. */
    public void send(OverdueAlert alert) {
        try {
            producer().send(record(alert)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the overdue alert of review "
                    + alert.disclosure() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an overdue alert", e);
        }
    }

    ProducerRecord<String, String> record(OverdueAlert alert) {
        ObjectNode data = json.createObjectNode()
                .put("review", alert.disclosure())
                .put("agency", alert.agency())
                .put("actor", alert.actor())
                .put("openedAt", alert.openedAt().toString())
                .put("overdueAfter", config.reviewOverdueAfter().toString());
        if (alert.org() != null) {
            data.put("org", alert.org());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, alert.agency(), data.toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", alert.eventId().toString());
        header(record, "ce_type", TYPE);
        header(record, "ce_source", "/interlock/gateway");
        header(record, "ce_time", alert.raisedAt().toString());
        header(record, "content-type", "application/json");
        header(record, "ce_" + CloudEventExtensions.CLASSIFICATION, "official");
        header(record, "ce_" + RECIPIENT, alert.agency());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafka);
            settings.put("key.serializer", StringSerializer.class.getName());
            settings.put("value.serializer", StringSerializer.class.getName());
            settings.put("enable.idempotence", "true");
            settings.put("acks", "all");
            settings.put("delivery.timeout.ms", (int) TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS));
            settings.put("request.timeout.ms", (int) TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS) - 1000);
            settings.put("client.id", "interlock-gateway-alerts");
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
