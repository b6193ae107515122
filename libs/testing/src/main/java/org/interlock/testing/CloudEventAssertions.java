package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interlock.contracts.EventType;

/** Checks that a Kafka record is a complete Interlock CloudEvent whose data matches its published schema. */
public final class CloudEventAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern RECORDED_BY =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}|system:[a-z]+");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private CloudEventAssertions() {
    }

    /** @return the event's data */
    public static JsonNode assertInterlockEvent(ConsumerRecord<String, String> record, EventType type, String subject) {
        Map<String, String> h = TopicRecorder.headers(record);
        assertEquals("1.0", h.get("ce_specversion"), "specversion");
        assertNotNull(UUID.fromString(h.get("ce_id")), "id");
        assertEquals(type.agency().source().toString(), h.get("ce_source"), "source");
        assertEquals(type.name(), h.get("ce_type"), "type");
        assertEquals(subject, h.get("ce_subject"), "subject");
        assertNotNull(OffsetDateTime.parse(h.get("ce_time")), "time");
        assertEquals(type.category(), h.get("ce_category"), "category");
        assertTrue(List.of("official", "official-sensitive", "secret").contains(h.get("ce_classification")),
                "classification " + h.get("ce_classification"));
        assertNotNull(h.get("ce_correlationid"), "correlationid");
        assertTrue(h.get("ce_recordedby") != null && RECORDED_BY.matcher(h.get("ce_recordedby")).matches(),
                "recordedby (who acts, or system:<agency>) " + h.get("ce_recordedby"));
        assertEquals("application/json", h.get("content-type"), "datacontenttype");
        assertEquals(subject, record.key(), "records are keyed by person, so that each person's events stay in order");
        return assertMatchesSchema(type, record.value());
    }

    public static JsonNode assertMatchesSchema(EventType type, String data) {
        try (InputStream schema = Thread.currentThread().getContextClassLoader().getResourceAsStream(type.schemaResource())) {
            assertNotNull(schema, "no published schema for " + type.name());
            JsonNode node = JSON.readTree(data);
            List<Error> errors = SCHEMAS.getSchema(schema).validate(node);
            assertTrue(errors.isEmpty(), type.name() + " data does not match its schema: " + errors);
            return node;
        } catch (IOException e) {
            throw new AssertionError("unreadable event data", e);
        }
    }
}
