package org.interlock.agency.notice;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A review-trigger notice as this agency's inbox received it from the gateway (ADR 0015): which
 * rule fired about whom, on which events (their ids, never their content), and whom it addresses.
 */
public record TriggerNoticeView(String notice, String rule, String description, String person, String firedAt,
        List<String> events, List<String> addressees) {

    static TriggerNoticeView of(JsonNode data) {
        return new TriggerNoticeView(data.path("notice").asText(null), data.path("rule").asText(null),
                data.path("description").asText(null), data.path("person").asText(null),
                data.path("firedAt").asText(null), texts(data.path("events")), texts(data.path("addressees")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return List.copyOf(texts);
    }
}
