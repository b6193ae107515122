package org.interlock.federation.envelope;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.interlock.federation.conditions.HandlingConditions;

/**
 * The envelope payload as JSON, read strictly: duplicate or unknown members, missing ones, and values of the
 * wrong type are all malformed, so what a receiver acts on is exactly what the sender signed.
 *
 * <pre>
 * {"event": {CloudEvent, structured JSON},
 *  "conditions": {"disseminateTo": ["probation"], "requiresOriginatorPermission": false, "expiresAt": "..."},
 *  "request": {"id": "...", "purpose": "...", "urgency": "urgent", "justification": "..."}}
 * </pre>
 */
public final class PayloadCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> ROOT = Set.of("event", "conditions", "request");
    private static final Set<String> CONDITIONS = Set.of("disseminateTo", "requiresOriginatorPermission", "expiresAt");
    private static final Set<String> REQUEST = Set.of("id", "purpose", "urgency", "justification");
    /** The CloudEvents attributes every Interlock event has (DESIGN.md, Events). */
    private static final Set<String> EVENT_REQUIRED = Set.of("id", "source", "type", "subject", "time");

    private PayloadCodec() {
    }

    /** A payload that cannot be read; the message says what, never what the payload held. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** The payload's JSON, as signed; a sender's outbox keeps it to sign again. */
    public static String write(EnvelopeContent content) {
        ObjectNode root = JSON.createObjectNode();
        root.set("event", content.event());
        ObjectNode conditions = root.putObject("conditions");
        ArrayNode to = conditions.putArray("disseminateTo");
        content.conditions().disseminateTo().stream().sorted().forEach(to::add);
        conditions.put("requiresOriginatorPermission", content.conditions().requiresOriginatorPermission());
        content.conditions().expiresAt().ifPresent(expiry -> conditions.put("expiresAt", expiry.toString()));
        content.request().ifPresent(request -> root.putObject("request")
                .put("id", request.id())
                .put("purpose", request.purpose())
                .put("urgency", request.urgency().code())
                .put("justification", request.justification()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    public static EnvelopeContent read(String payload) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new Malformed("payload is not one JSON object without duplicate members");
        }
        ObjectNode object = object(root, "payload", ROOT);
        ObjectNode event = event(object.get("event"));
        HandlingConditions conditions = conditions(object.get("conditions"));
        Optional<InformationRequest> request = object.has("request")
                ? Optional.of(request(object.get("request"))) : Optional.empty();
        return new EnvelopeContent(event, conditions, request);
    }

    private static ObjectNode event(JsonNode node) throws Malformed {
        if (!(node instanceof ObjectNode event)) {
            throw new Malformed("payload needs an 'event' object");
        }
        if (!"1.0".equals(event.path("specversion").asText(null))) {
            throw new Malformed("event must be a CloudEvent with specversion 1.0");
        }
        for (String attribute : EVENT_REQUIRED) {
            text(event, attribute, "event");
        }
        return event;
    }

    private static HandlingConditions conditions(JsonNode node) throws Malformed {
        ObjectNode conditions = object(node, "conditions", CONDITIONS);
        if (!(conditions.get("disseminateTo") instanceof ArrayNode list)) {
            throw new Malformed("conditions need a 'disseminateTo' list (empty for none)");
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new Malformed("each of 'disseminateTo' must be a recipient id");
            }
            recipients.add(item.asText());
        }
        JsonNode permission = conditions.get("requiresOriginatorPermission");
        if (permission == null || !permission.isBoolean()) {
            throw new Malformed("conditions need 'requiresOriginatorPermission' as true or false");
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (conditions.has("expiresAt")) {
            try {
                expiresAt = Optional.of(Instant.parse(text(conditions, "expiresAt", "conditions")));
            } catch (DateTimeParseException e) {
                throw new Malformed("conditions' 'expiresAt' must be an instant");
            }
        }
        return new HandlingConditions(recipients, permission.booleanValue(), expiresAt);
    }

    private static InformationRequest request(JsonNode node) throws Malformed {
        ObjectNode request = object(node, "request", REQUEST);
        try {
            return new InformationRequest(text(request, "id", "request"), text(request, "purpose", "request"),
                    Urgency.fromCode(text(request, "urgency", "request")), text(request, "justification", "request"));
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage());
        }
    }

    private static ObjectNode object(JsonNode node, String what, Set<String> allowed) throws Malformed {
        if (!(node instanceof ObjectNode object)) {
            throw new Malformed(what + " must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new Malformed(what + " has a member not in the protocol");
            }
        }
        return object;
    }

    private static String text(ObjectNode object, String name, String what) throws Malformed {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Malformed(what + " needs '" + name + "' as a non-empty string");
        }
        return value.asText();
    }
}
