package org.interlock.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.EventType;
import org.interlock.policy.Resource;

/**
 * An event from an agency's topic, as the exchange reads it: the CloudEvents attributes (binary
 * mode, {@code ce_*} headers) that policy needs, and the data. The origin is the agency whose
 * topic it came from, never what the event claims.
 */
public record AgencyEvent(String id, String type, String source, String person, String time, String category,
        Classification classification, String handling, String correlationId, String traceparent, Agency origin,
        JsonNode data) {

    /** The event, or empty when it is not one the exchange can decide on (missing or malformed attributes). */
    public static Optional<AgencyEvent> parse(ConsumerRecord<String, String> record, ObjectMapper json) {
        return parse(record.topic(), record.headers(), record.value(), json);
    }

    /** The same, from a topic, the record's headers and its value. */
    public static Optional<AgencyEvent> parse(String topic, Headers h, String value, ObjectMapper json) {
        try {
            Agency origin = Agency.fromId(topic.substring("interlock.".length(), topic.length() - ".events".length()));
            String type = header(h, "ce_type");
            if (value == null || type == null || !EventType.isWellFormed(type)
                    || EventType.agencyOf(type) != origin) {
                return Optional.empty();
            }
            return Optional.of(new AgencyEvent(required(h, "ce_id"), type, header(h, "ce_source"),
                    header(h, "ce_subject"), header(h, "ce_time"),
                    required(h, "ce_" + CloudEventExtensions.CATEGORY),
                    Classification.fromLabel(required(h, "ce_" + CloudEventExtensions.CLASSIFICATION)),
                    header(h, "ce_" + CloudEventExtensions.HANDLING),
                    header(h, "ce_" + CloudEventExtensions.CORRELATION_ID),
                    header(h, "ce_" + CloudEventExtensions.TRACEPARENT), origin, json.readTree(value)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** What policy is asked about: the event described, never its content. */
    public Resource resource() {
        String owningOrg = origin == Agency.PARTNERS ? data.path("organisation").asText(null) : null;
        return new Resource(origin, category, classification, handling, person, type, owningOrg);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    /** A header's value as text, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
