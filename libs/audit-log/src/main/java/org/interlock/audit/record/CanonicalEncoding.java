package org.interlock.audit.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;

/**
 * The bytes of an audit record in the log: the Merkle leaf is exactly these bytes, so an external
 * verifier must be able to reproduce them from the record's values. They are {@link CanonicalJson} of
 * one object with these members (absent when null; {@code redactedFields} absent when empty):
 * <pre>
 * action            string, an {@link Action} name
 * actor             object: agency, client, onBehalfOf, org, subject (strings)
 * agreement, breakGlassReason, consent, policyVersion, purpose, requestId, traceId   strings
 * decision          object: outcome ("PERMIT" | "DENY"), reason (string)
 * redactedFields    array of strings, in the order given
 * resource          object: category, classification, id, person, type (strings)
 * sequence          integer, the leaf index
 * time              string, UTC, always six fraction digits: "2026-11-26T16:16:00.000000Z"
 * version           integer, 1 — the version of this layout
 * </pre>
 * Example: {@code {"action":"DISCLOSE_REST","actor":{"agency":"probation","subject":"u-1"},
 * "decision":{"outcome":"PERMIT","reason":"agreement"},"sequence":0,"time":"2026-11-26T16:16:00.000000Z","version":1}}
 *
 * <p>{@link #decode} is strict — unknown or duplicate members, wrong types or another version are
 * refused — and {@code encode(decode(b))} equals {@code b} for every canonical {@code b}.
 */
public final class CanonicalEncoding {

    /** The layout version written into every record. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> RECORD_MEMBERS = Set.of("action", "actor", "agreement", "breakGlassReason",
            "consent", "decision", "policyVersion", "purpose", "redactedFields", "requestId", "resource", "sequence",
            "time", "traceId", "version");
    private static final Set<String> ACTOR_MEMBERS = Set.of("subject", "agency", "org", "client", "onBehalfOf");
    private static final Set<String> RESOURCE_MEMBERS = Set.of("type", "id", "person", "category", "classification");
    private static final Set<String> DECISION_MEMBERS = Set.of("outcome", "reason");

    private CanonicalEncoding() {
    }

    /** The canonical bytes of a sequenced record: the leaf. */
    public static byte[] encode(AuditRecord record) {
        if (!record.sequenced()) {
            throw new IllegalArgumentException("a record becomes a leaf only once the sequencer has numbered it");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", record.action().name());
        json.put("actor", actor(record.actor()));
        json.put("agreement", record.agreement());
        json.put("breakGlassReason", record.breakGlassReason());
        json.put("consent", record.consent());
        json.put("decision", decision(record.decision()));
        json.put("policyVersion", record.policyVersion());
        json.put("purpose", record.purpose());
        json.put("redactedFields", record.redactedFields().isEmpty() ? null : record.redactedFields());
        json.put("requestId", record.requestId());
        json.put("resource", record.resource() == null ? null : resource(record.resource()));
        json.put("sequence", record.sequence());
        json.put("time", TIME.format(record.time()));
        json.put("traceId", record.traceId());
        json.put("version", VERSION);
        return CanonicalJson.encode(json);
    }

    /** The leaf hash of a sequenced record, {@code SHA-256(0x00 || encode(record))}. */
    public static NodeHash leafHash(AuditRecord record) {
        return TreeHasher.leafHash(encode(record));
    }

    /** The record these canonical bytes encode; refuses anything else with the reason. */
    public static AuditRecord decode(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRecordException("unreadable: " + e.getMessage());
        }
        Members record = new Members(root, "record", RECORD_MEMBERS);
        long version = record.integer("version");
        if (version != VERSION) {
            throw new MalformedRecordException("record layout version " + version + " is not " + VERSION);
        }
        Members actor = new Members(record.required("actor"), "actor", ACTOR_MEMBERS);
        Members decision = new Members(record.required("decision"), "decision", DECISION_MEMBERS);
        long sequence = record.integer("sequence");
        if (sequence < 0) {
            throw new MalformedRecordException("sequence " + sequence + " is not a leaf index");
        }
        JsonNode resourceNode = record.optional("resource");
        return new AuditRecord(
                sequence,
                time(record.text("time", true)),
                new Actor(actor.text("subject"), actor.text("agency"), actor.text("org"), actor.text("client"),
                        actor.text("onBehalfOf")),
                enumValue(Action.class, record.text("action", true), "action"),
                resourceNode == null ? null : resource(new Members(resourceNode, "resource", RESOURCE_MEMBERS)),
                record.text("purpose"),
                new Decision(enumValue(Decision.Outcome.class, decision.text("outcome", true), "decision.outcome"),
                        decision.text("reason")),
                record.texts("redactedFields"),
                record.text("agreement"),
                record.text("consent"),
                record.text("policyVersion"),
                record.text("breakGlassReason"),
                record.text("requestId"),
                record.text("traceId"));
    }

    /** Whether {@code bytes} are exactly the canonical encoding of some record. */
    public static boolean isCanonical(byte[] bytes) {
        try {
            return Arrays.equals(bytes, encode(decode(bytes)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> actor(Actor actor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", actor.subject());
        json.put("agency", actor.agency());
        json.put("org", actor.org());
        json.put("client", actor.client());
        json.put("onBehalfOf", actor.onBehalfOf());
        return json;
    }

    private static Map<String, Object> resource(Resource resource) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", resource.type());
        json.put("id", resource.id());
        json.put("person", resource.person());
        json.put("category", resource.category());
        json.put("classification", resource.classification());
        return json;
    }

    private static Resource resource(Members json) {
        return new Resource(json.text("type"), json.text("id"), json.text("person"), json.text("category"),
                json.text("classification"));
    }

    private static Map<String, Object> decision(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", decision.outcome().name());
        json.put("reason", decision.reason());
        return json;
    }

    private static Instant time(String text) {
        try {
            return Instant.from(TIME.parse(text));
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("time is not UTC with six fraction digits: " + text);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String member) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(member + " '" + name + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The members of one JSON object, read with their expected types. */
    private record Members(JsonNode node, String where) {

        Members(JsonNode node, String where, Set<String> allowed) {
            this(node, where);
            if (node == null || !node.isObject()) {
                throw new MalformedRecordException(where + " is not a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new MalformedRecordException(where + " has an unknown member '" + name + "'");
                }
            }
        }

        JsonNode optional(String name) {
            return node.get(name);
        }

        JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new MalformedRecordException(where + " lacks '" + name + "'");
            }
            return value;
        }

        String text(String name) {
            return text(name, false);
        }

        String text(String name, boolean required) {
            JsonNode value = required ? required(name) : node.get(name);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                throw new MalformedRecordException(where + "." + name + " is not a string");
            }
            return value.textValue();
        }

        long integer(String name) {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new MalformedRecordException(where + "." + name + " is not an integer");
            }
            return value.longValue();
        }

        List<String> texts(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                throw new MalformedRecordException(where + "." + name + " is not an array");
            }
            List<String> texts = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw new MalformedRecordException(where + "." + name + " holds a non-string");
                }
                texts.add(element.textValue());
            }
            return texts;
        }
    }
}
