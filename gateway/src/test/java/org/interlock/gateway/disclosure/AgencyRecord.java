package org.interlock.gateway.disclosure;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Topics;
import org.interlock.testing.TopicWriter;

/**
 * One fact as an agency holds it: the record its service answers with over REST and, with the
 * same content, the event it publishes (a catalogue event type whose category is the record's one
 * facet, so that both are decided on the same category).
 *
 * @param classification the event's {@code ce_classification} (the category's, unless the service raised it)
 * @param handling       the event's {@code ce_handling}, as the catalogue derives it; null for none
 * @param path           the service path that answers the record, under {@code /api/v1/<agency>/}
 * @param listed         the path answers a list (the record alone in it) rather than the record itself
 */
record AgencyRecord(Agency origin, String type, String category, String classification, String handling,
        ObjectNode data, String eventId, String path, boolean listed) {

    String person() {
        return data.path("person").asText();
    }

    /** The record's own id, which REST's audit records name (an event's name its event id). */
    String id() {
        return data.path("id").asText();
    }

    String gatewayPath() {
        return "/api/v1/" + origin.id() + "/" + path;
    }

    /** The path the gateway calls on the service stub (its query as the stub keys it, decoded). */
    String upstreamPath() {
        return "/" + origin.id() + "/api/v1/" + path;
    }

    /** What the service answers on {@link #path}. */
    String answer() {
        return listed ? "[" + data + "]" : data.toString();
    }

    /** Writes the event to the origin's topic, keyed by person like every agency event. */
    void publish() {
        Map<String, String> headers = new HashMap<>(TopicWriter.cloudEventHeaders(eventId, type,
                origin.source().toString(), person(), category, classification));
        if (handling != null) {
            headers.put("ce_handling", handling);
        }
        TopicWriter.send(Topics.events(origin), person(), data.toString(), headers);
    }

    /** The same record as its service would publish it with a higher classification than its category's. */
    AgencyRecord classifiedAs(String raised) {
        return new AgencyRecord(origin, type, category, raised, handling, data, eventId, path, listed);
    }

    /** The same record with a field that belongs to none of its categories. */
    AgencyRecord with(String field, String value) {
        ObjectNode more = data.deepCopy();
        more.put(field, value);
        return new AgencyRecord(origin, type, category, classification, handling, more, eventId, path, listed);
    }

    @Override
    public String toString() {
        return type + " " + data;
    }
}
