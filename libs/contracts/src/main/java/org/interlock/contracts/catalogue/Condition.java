package org.interlock.contracts.catalogue;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * When a facet of a record holds: a record that has no release date yet holds no release facts,
 * a partner's activity is a concern only when its kind says so. A facet that does not hold is not
 * decided on, so a record never tells a recipient more than the events of its categories would.
 */
public sealed interface Condition {

    boolean holds(JsonNode record);

    /** Every record. */
    record Always() implements Condition {
        @Override
        public boolean holds(JsonNode record) {
            return true;
        }
    }

    /** The field's text value is one of these. */
    record FieldIn(String field, Set<String> values) implements Condition {
        public FieldIn {
            values = Set.copyOf(values);
        }

        @Override
        public boolean holds(JsonNode record) {
            JsonNode value = record.get(field);
            return value != null && value.isTextual() && values.contains(value.asText());
        }
    }

    /** The field's text value is none of these (a missing field holds). */
    record FieldNotIn(String field, Set<String> values) implements Condition {
        public FieldNotIn {
            values = Set.copyOf(values);
        }

        @Override
        public boolean holds(JsonNode record) {
            JsonNode value = record.get(field);
            return value == null || !value.isTextual() || !values.contains(value.asText());
        }
    }

    /** At least one of the fields is present and not null. */
    record AnyPresent(List<String> fields) implements Condition {
        public AnyPresent {
            fields = List.copyOf(fields);
        }

        @Override
        public boolean holds(JsonNode record) {
            for (String field : fields) {
                JsonNode value = record.get(field);
                if (value != null && !value.isNull()) {
                    return true;
                }
            }
            return false;
        }
    }
}
