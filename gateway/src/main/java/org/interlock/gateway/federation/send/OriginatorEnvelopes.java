package org.interlock.gateway.federation.send;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;

/**
 * The originator's acts on an item it released, as envelopes to the peer holding it: a permission to pass it on to
 * one recipient there, or its revocation. Each names the item by its id and the person it is about; neither
 * carries any of the item's content, and neither may itself be passed on.
 */
final class OriginatorEnvelopes {

    private OriginatorEnvelopes() {
    }

    static EnvelopeContent permission(OutboxStore.SentItem item, String recipient, Optional<Instant> until) {
        ObjectNode event = event(EnvelopeTypes.PERMISSION, item);
        ObjectNode data = event.putObject("data").put("item", item.itemId()).put("recipient", recipient);
        until.ifPresent(instant -> data.put("until", instant.toString()));
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
    }

    static EnvelopeContent revocation(OutboxStore.SentItem item) {
        ObjectNode event = event(EnvelopeTypes.REVOCATION, item);
        event.putObject("data").put("item", item.itemId());
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
    }

    private static ObjectNode event(String type, OutboxStore.SentItem item) {
        return JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/interlock/federation")
                .put("type", type)
                .put("subject", item.person())
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
    }
}
