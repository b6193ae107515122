package org.interlock.partners.received;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A received copy as the organisation's staff read it. It names its organisation and the
 * classification it was released as: the gateway lets only that organisation's staff see it, and
 * only those cleared to that classification.
 */
public record ReceivedEventView(String id, String organisation, String person, String type, String sourceEventId,
        String consent, String classification, OffsetDateTime receivedAt, JsonNode data) {
}
