package org.interlock.triggers.language;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test on the data of an event, over one field or any of several: the value is one of a set,
 * the field is present (or absent), or the value rose against the person's previous event of the
 * same category. Values are compared as text, as the event's JSON carries them.
 */
public sealed interface FieldTest {

    /** The fields tested; the test holds when it holds for any of them. */
    List<String> fields();

    /** The value is one of {@code values} ({@code equals: X} is a set of one). */
    record OneOf(List<String> fields, Set<String> values) implements FieldTest {
        public OneOf {
            fields = List.copyOf(fields);
            values = Set.copyOf(values);
        }
    }

    /** The field holds a value ({@code present: true}) or is missing or null ({@code present: false}). */
    record Presence(List<String> fields, boolean present) implements FieldTest {
        public Presence {
            fields = List.copyOf(fields);
        }
    }

    /**
     * The value is higher than in the person's previous event of the category ({@code changed: increased}):
     * ranked by its place in {@code scale} when one is given, else read as a number.
     */
    record Increase(List<String> fields, List<String> scale) implements FieldTest {
        public Increase {
            fields = List.copyOf(fields);
            scale = List.copyOf(scale);
        }

        /** The value's rank, or NaN when it has none (missing, off the scale, not a number). */
        public double rank(JsonNode data, String field) {
            JsonNode value = data == null ? null : data.get(field);
            if (value == null || value.isNull()) {
                return Double.NaN;
            }
            if (!scale.isEmpty()) {
                int at = scale.indexOf(value.asText());
                return at < 0 ? Double.NaN : at;
            }
            if (value.isNumber()) {
                return value.asDouble();
            }
            try {
                return Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
