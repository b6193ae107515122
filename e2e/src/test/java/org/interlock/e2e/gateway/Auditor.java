package org.interlock.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The auditor persona ({@code aud.auditor}) reading the audit trail through the gateway, every page of it. */
public final class Auditor {

    /** One record of the log as the auditor reads it: its sequence and the record. */
    public record Entry(long sequence, JsonNode record) {

        public String action() {
            return record.path("action").asText();
        }

        public String actor() {
            JsonNode actor = record.path("actor");
            return actor.path("subject").asText(actor.path("org").asText(actor.path("agency").asText()));
        }

        public String outcome() {
            return record.path("decision").path("outcome").asText();
        }

        public String reason() {
            return record.path("decision").path("reason").asText();
        }

        /** "ACTION actor OUTCOME reason": what a test compares. */
        public String summary() {
            return action() + " " + actor() + " " + outcome() + " " + reason();
        }
    }

    private final GatewayClient auditor;

    public Auditor(String gateway) {
        this(GatewayClient.as(gateway, "aud.auditor", null));
    }

    /** An auditor with a token of their own (another deployment's realm). */
    public Auditor(GatewayClient auditor) {
        this.auditor = auditor;
    }

    public GatewayClient client() {
        return auditor;
    }

    /** {@code GET /audit/v1/records?<query>}, every page. */
    public List<Entry> records(String query) {
        List<Entry> entries = new ArrayList<>();
        String cursor = null;
        do {
            GatewayClient.Answer page = auditor.get("/audit/v1/records?limit=1000&" + query
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), String.valueOf(page.body()));
            page.body().path("records").forEach(r -> entries.add(new Entry(r.path("sequence").asLong(), r.path("record"))));
            cursor = page.body().path("next").isTextual() ? page.body().path("next").asText() : null;
        } while (cursor != null);
        return entries;
    }

    /** Every record about the person that the given member of staff's own requests left. */
    public List<String> actsOf(String actor, String person) {
        return records("person=" + person + "&actor=" + actor).stream().map(Entry::summary).sorted().toList();
    }

    /** {@code GET /audit/v1/reviews?state=<state>}, every page. */
    public List<JsonNode> reviews(String state) {
        List<JsonNode> reviews = new ArrayList<>();
        String cursor = null;
        do {
            GatewayClient.Answer page = auditor.get("/audit/v1/reviews?limit=1000&state=" + state
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), String.valueOf(page.body()));
            page.body().path("reviews").forEach(reviews::add);
            cursor = page.body().path("next").isTextual() ? page.body().path("next").asText() : null;
        } while (cursor != null);
        return reviews;
    }
}
