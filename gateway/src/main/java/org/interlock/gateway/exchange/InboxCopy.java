package org.interlock.gateway.exchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.gateway.topics.AgencyEvent;

/**
 * What the exchange writes to an inbox, as binary-mode CloudEvents written by the CloudEvents SDK:
 * a copy of an agency event (its type and subject, the content the permit released, its own id,
 * and the extensions that say where it came from and on what grounds), or a notice of its own.
 * Keyed by person, so each person's events keep their order.
 */
final class InboxCopy {

    static final URI GATEWAY = URI.create("/interlock/gateway");

    private InboxCopy() {
    }

    static ProducerRecord<String, byte[]> of(Router.Copy copy) {
        AgencyEvent event = copy.event();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(copy.id())
                .withType(event.type())
                .withSource(event.source())
                .withTime(event.time())
                .withDataContentType("application/json")
                .withData(copy.released().toString().getBytes(StandardCharsets.UTF_8));
        extension(builder, CloudEventExtensions.CATEGORY, event.category().name());
        extension(builder, CloudEventExtensions.CLASSIFICATION, copy.permit().releasedAs().label());
        extension(builder, CloudEventExtensions.HANDLING, event.handling());
        extension(builder, CloudEventExtensions.CORRELATION_ID, event.correlationId());
        extension(builder, CloudEventExtensions.TRACEPARENT, event.traceparent());
        extension(builder, CloudEventExtensions.SOURCE_EVENT_ID, event.id());
        extension(builder, CloudEventExtensions.RECIPIENT, copy.inbox().id());
        extension(builder, CloudEventExtensions.AGREEMENT, copy.permit().agreementId());
        extension(builder, CloudEventExtensions.CONSENT, copy.permit().consentId());
        extension(builder, CloudEventExtensions.POLICY_VERSION, copy.permit().policyVersion());
        return write(copy.inbox(), event.person(), subject(builder, event.person()).build());
    }

    /** A notice of the gateway's own (e.g. an erasure request) to an inbox, about a person. */
    static ProducerRecord<String, byte[]> notice(Inbox inbox, String id, String type, String person, byte[] data,
            CloudEventBuilder extensions) {
        CloudEventBuilder builder = extensions
                .withId(id)
                .withType(type)
                .withSource(GATEWAY)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data);
        extension(builder, CloudEventExtensions.RECIPIENT, inbox.id());
        return write(inbox, person, subject(builder, person).build());
    }

    static CloudEventBuilder extension(CloudEventBuilder builder, String name, String value) {
        return value == null ? builder : builder.withExtension(name, value);
    }

    private static CloudEventBuilder subject(CloudEventBuilder builder, String person) {
        return person == null ? builder : builder.withSubject(person);
    }

    private static ProducerRecord<String, byte[]> write(Inbox inbox, String key, CloudEvent event) {
        return KafkaMessageFactory.createWriter(inbox.topic(), key).writeBinary(event);
    }
}
