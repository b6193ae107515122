package org.interlock.agency.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/** An event the gateway delivered to this agency's inbox, its envelope checked. */
public record InboxEvent(String id, String type, String source, String subject, String category,
        String classification, JsonNode data, String rawData) {
}
