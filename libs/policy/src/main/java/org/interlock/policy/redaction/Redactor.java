package org.interlock.policy.redaction;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;

/**
 * Applies a permit's obligations to a record before it is released: first the field whitelist
 * (projection), then the JSONPath redactions. Works on a copy, so the record held for the origin
 * is never changed. A path that matches nothing is not an error: a redaction that finds nothing
 * to remove has done its job. Anything else that goes wrong is thrown, and the caller withholds.
 * Thread-safe.
 */
public final class Redactor {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final Map<String, JsonPath> compiled = new ConcurrentHashMap<>();

    /** What the permit lets leave: a new tree; {@code null} and non-object records come back as they can. */
    public JsonNode release(Permit permit, JsonNode record) {
        JsonNode released = project(record, permit.fields());
        for (String path : permit.redactions()) {
            redact(released, path);
        }
        return released;
    }

    /** Removes every match of {@code path} from {@code tree}, in place. */
    public void redact(JsonNode tree, String path) {
        if (tree == null || !tree.isContainerNode()) {
            return;
        }
        compiled.computeIfAbsent(path, JsonPath::compile).delete(tree, JACKSON);
    }

    /** A copy of the whitelisted paths only; {@code ["$"]} copies the whole record. */
    public JsonNode project(JsonNode record, List<String> fields) {
        if (record == null) {
            return NullNode.getInstance();
        }
        if (fields.equals(ReleasedFields.WHOLE)) {
            return record.deepCopy();
        }
        ObjectNode projection = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            copy(record, projection, field.substring(2).split("\\."));
        }
        return projection;
    }

    private static void copy(JsonNode from, ObjectNode to, String[] segments) {
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
