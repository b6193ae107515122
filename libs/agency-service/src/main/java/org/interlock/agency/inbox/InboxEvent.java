package org.interlock.agency.inbox;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event the gateway delivered to this agency's inbox, its envelope checked. {@code extensions}
 * holds every CloudEvents extension attribute it carries, as text: besides category and
 * classification, what the exchange adds to a routed copy (recipient, sourceeventid, consent, ...).
 */
public record InboxEvent(String id, String type, String source, String subject, String category,
        String classification, JsonNode data, String rawData, Map<String, String> extensions) {

    public InboxEvent {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** The extension attribute's value, or null when the event does not carry it. */
    public String extension(String name) {
        return extensions.get(name);
    }
}
