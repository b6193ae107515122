package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What an entity looks like on its agency's state topic (ADR 0012): while it lasts, the very
 * CloudEvent that last changed it (same id, attributes and data as on the events topic) under the
 * key {@code <category>:<id>}; once it ends, a tombstone: that key, no value, no CloudEvent.
 *
 * <p>The Kafka client's trace context ({@code traceparent}, without the {@code ce_} prefix) is left
 * out: it names the span of each send, so it differs between the two records of one event.
 */
public final class StateTopicAssertions {

    private static final String SEND_SPAN = "traceparent";

    private StateTopicAssertions() {
    }

    /** The state record is the event, under the entity's key. */
    public static void assertStateIs(ConsumerRecord<String, String> state, ConsumerRecord<String, String> event,
            String key) {
        assertEquals(key, state.key(), "state key");
        assertEquals(attributes(event), attributes(state), "the same CloudEvent attributes");
        assertEquals(event.value(), state.value(), "the same data");
    }

    public static void assertTombstone(ConsumerRecord<String, String> record, String key) {
        assertEquals(key, record.key(), "tombstone key");
        assertNull(record.value(), "a tombstone has no value");
        assertEquals(Map.of(), attributes(record), "a tombstone has no CloudEvent attributes");
    }

    private static Map<String, String> attributes(ConsumerRecord<String, String> record) {
        Map<String, String> attributes = new TreeMap<>(TopicRecorder.headers(record));
        attributes.remove(SEND_SPAN);
        return attributes;
    }
}
