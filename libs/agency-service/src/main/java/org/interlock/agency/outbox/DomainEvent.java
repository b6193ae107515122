package org.interlock.agency.outbox;

import java.util.Objects;

import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/**
 * Something that happened to a person in this agency, to be published after its transaction
 * commits. {@code classification} may raise, never lower, the type's default. {@code topic} and
 * {@code key} are null for the usual route: the agency's events topic, keyed by subject.
 */
public record DomainEvent(EventType type, String subject, Object data, Classification classification,
        String handling, String topic, String key) {

    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (classification == null || classification.compareTo(type.classification()) < 0) {
            classification = type.classification();
        }
    }

    public static DomainEvent of(EventType type, String subject, Object data) {
        return new DomainEvent(type, subject, data, type.classification(), null, null, null);
    }

    /** The same event with a dissemination handling code (e.g. intelligence's P or C). */
    public DomainEvent handledAs(String handlingCode) {
        return new DomainEvent(type, subject, data, classification, handlingCode, topic, key);
    }

    /** The same event sent to another topic under another key (e.g. the compacted consents topic). */
    public DomainEvent routedTo(String otherTopic, String otherKey) {
        return new DomainEvent(type, subject, data, classification, handling, otherTopic, otherKey);
    }
}
