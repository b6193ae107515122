package org.interlock.gateway.exchange;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.interlock.contracts.CloudEventExtensions;

/**
 * A copy as the recipient's inbox receives it: a binary-mode CloudEvent of the original type and
 * subject, with the content the permit released, its own id, and extensions that say where it
 * came from and on what grounds ({@code sourceeventid}, {@code recipient}, {@code agreement},
 * {@code consent}, {@code policyversion}). Keyed by person, so each person's events keep their order.
 */
final class InboxCopy {

    static final String SOURCE_EVENT_ID = "sourceeventid";
    static final String RECIPIENT = "recipient";
    static final String AGREEMENT = "agreement";
    static final String CONSENT = "consent";
    static final String POLICY_VERSION = "policyversion";

    private InboxCopy() {
    }

    static ProducerRecord<String, String> of(Router.Copy copy) {
        AgencyEvent event = copy.event();
        ProducerRecord<String, String> record = new ProducerRecord<>(copy.recipient().inboxTopic(), event.person(),
                copy.released().toString());
        add(record, "ce_specversion", "1.0");
        add(record, "ce_id", copy.id());
        add(record, "ce_type", event.type());
        add(record, "ce_source", event.source());
        add(record, "ce_subject", event.person());
        add(record, "ce_time", event.time());
        add(record, "content-type", "application/json");
        add(record, "ce_" + CloudEventExtensions.CATEGORY, event.category());
        add(record, "ce_" + CloudEventExtensions.CLASSIFICATION, copy.permit().releasedAs().label());
        add(record, "ce_" + CloudEventExtensions.HANDLING, event.handling());
        add(record, "ce_" + CloudEventExtensions.CORRELATION_ID, event.correlationId());
        add(record, "ce_" + CloudEventExtensions.TRACEPARENT, event.traceparent());
        add(record, "ce_" + SOURCE_EVENT_ID, event.id());
        add(record, "ce_" + RECIPIENT, copy.recipient().id());
        add(record, "ce_" + AGREEMENT, copy.permit().agreementId());
        add(record, "ce_" + CONSENT, copy.permit().consentId());
        add(record, "ce_" + POLICY_VERSION, copy.permit().policyVersion());
        return record;
    }

    static void add(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
