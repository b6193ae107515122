package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What an entity looks like on its agency's state topic (ADR 0012): while it lasts, the very
 * CloudEvent that last changed it (same id, headers and data as on the events topic) under the key
 * {@code <category>:<id>}; once it ends, a tombstone: that key, no value, no headers.
 */
public final class StateTopicAssertions {

    private StateTopicAssertions() {
    }

    /** The state record is the event, under the entity's key. */
    public static void assertStateIs(ConsumerRecord<String, String> state, ConsumerRecord<String, String> event,
            String key) {
        assertEquals(key, state.key(), "state key");
        assertEquals(TopicRecorder.headers(event), TopicRecorder.headers(state), "the same CloudEvent attributes");
        assertEquals(event.value(), state.value(), "the same data");
    }

    public static void assertTombstone(ConsumerRecord<String, String> record, String key) {
        assertEquals(key, record.key(), "tombstone key");
        assertNull(record.value(), "a tombstone has no value");
        assertEquals(0, record.headers().toArray().length, "a tombstone has no headers");
    }
}
