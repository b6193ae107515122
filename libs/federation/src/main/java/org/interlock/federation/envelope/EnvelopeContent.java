package org.interlock.federation.envelope;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.interlock.federation.conditions.HandlingConditions;

/**
 * What an envelope carries, all of it under the signature: the CloudEvent (structured JSON format, as sent), the
 * originator's handling conditions, and for a request for information, the request.
 */
public record EnvelopeContent(ObjectNode event, HandlingConditions conditions, Optional<InformationRequest> request) {

    public EnvelopeContent {
        event = event.deepCopy();
    }

    @Override
    public ObjectNode event() {
        return event.deepCopy();
    }
}
