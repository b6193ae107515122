package org.interlock.policy.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;

/**
 * Applies a permit's obligations to a record before it is released: first the field whitelist
 * (projection), then the JSONPath redactions. Works on a copy, so the record held for the origin is
 * never changed.
 *
 * <p>A redaction that matches nothing has done its job: a missing field, or an indefinite path
 * ({@code $..secret}, {@code $.a[*].b}) that finds nothing, is not an error. Anything else that stops
 * an obligation from being applied throws {@link ObligationFailure}, and the caller withholds the
 * record:
 * <ul>
 *   <li>a record that is not a JSON object (absent, an array, a scalar) when the permit projects or
 *       redacts: there is nothing the whitelist or the paths could be applied to with certainty;</li>
 *   <li>a redaction or a whitelisted field that is not one (see {@link RedactionPath},
 *       {@link ReleasedFields#isValid}), should a permit arrive that the loader never saw;</li>
 *   <li>any failure of the JSONPath library while deleting.</li>
 * </ul>
 * A permit for the whole record with no redactions has no obligation to apply: any record, an array
 * or a scalar included, is released as it is ({@code null} as JSON null), because that permit
 * releases everything the record holds whatever its shape.
 *
 * <p>Thread-safe; compiled paths and split fields are cached, keyed by their text (a policy's
 * paths are few).
 */
public final class Redactor {

    // No SUPPRESS_EXCEPTIONS: a failure must reach the caller, which withholds.
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    private final Map<String, JsonPath> redactions = new ConcurrentHashMap<>();
    private final Map<String, String[]> fields = new ConcurrentHashMap<>();

    /**
     * What the permit lets leave, as a new tree.
     *
     * @throws ObligationFailure when the permit's obligations cannot be applied to this record
     */
    public JsonNode release(Permit permit, JsonNode record) {
        if (!permit.projected() && permit.redactions().isEmpty()) {
            return whole(record);
        }
        ObjectNode released = projection(object(record), permit.fields());
        for (String path : permit.redactions()) {
            redact(released, path);
        }
        return released;
    }

    /**
     * A copy of the whitelisted paths only; {@code ["$"]} copies the whole record, whatever its shape.
     *
     * @throws ObligationFailure when a whitelist other than the whole record meets a record that is
     *                           not a JSON object, or a field that is not a dotted path
     */
    public JsonNode project(JsonNode record, List<String> fields) {
        return fields.equals(ReleasedFields.WHOLE) ? whole(record) : projection(object(record), fields);
    }

    private ObjectNode projection(ObjectNode record, List<String> whitelist) {
        if (whitelist.equals(ReleasedFields.WHOLE)) {
            return record.deepCopy();
        }
        ObjectNode projection = JsonNodeFactory.instance.objectNode();
        for (String field : whitelist) {
            copy(record, projection, segments(field));
        }
        return projection;
    }

    private void redact(ObjectNode tree, String path) {
        JsonPath compiled = redactions.computeIfAbsent(path, Redactor::compile);
        try {
            compiled.delete(tree, JACKSON);
        } catch (PathNotFoundException e) {
            // The path matches nothing: there is nothing to remove.
        } catch (RuntimeException e) {
            // Only the class: the library's message may quote the record.
            throw new ObligationFailure("redaction " + path + " could not be applied: " + e.getClass().getSimpleName());
        }
    }

    private static JsonPath compile(String path) {
        try {
            return RedactionPath.compile(path);
        } catch (IllegalArgumentException e) {
            throw new ObligationFailure("redaction " + path + " is not a redaction: " + e.getMessage());
        }
    }

    private String[] segments(String field) {
        return fields.computeIfAbsent(field, Redactor::split);
    }

    private static String[] split(String field) {
        if (!ReleasedFields.isValid(field) || field.equals("$")) {
            throw new ObligationFailure("whitelisted field " + field + " is not a dotted path below the root");
        }
        return field.substring(2).split("\\.");
    }

    private static JsonNode whole(JsonNode record) {
        return record == null ? NullNode.getInstance() : record.deepCopy();
    }

    private static ObjectNode object(JsonNode record) {
        if (record instanceof ObjectNode object) {
            return object;
        }
        String shape = record == null ? "absent" : record.getNodeType().name().toLowerCase(Locale.ROOT);
        throw new ObligationFailure("the record is " + shape + ", not a JSON object: a field whitelist or a "
                + "redaction cannot be applied to it");
    }

    private static void copy(ObjectNode from, ObjectNode to, String[] segments) {
        JsonNode value = from;
        for (String segment : segments) {
            value = value.isObject() ? value.get(segment) : null;
            if (value == null) {
                return;
            }
        }
        ObjectNode target = to;
        for (int i = 0; i < segments.length - 1; i++) {
            target = target.get(segments[i]) instanceof ObjectNode existing ? existing : target.putObject(segments[i]);
        }
        target.set(segments[segments.length - 1], value.deepCopy());
    }
}
