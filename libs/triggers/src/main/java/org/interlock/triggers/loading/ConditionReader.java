package org.interlock.triggers.loading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;
import org.interlock.triggers.language.Condition;
import org.interlock.triggers.language.FieldTest;

/**
 * Reads a rule's conditions: a category and its tests, written inline ({@code field: outcome,
 * equals: MISSED_UNACCEPTABLE}) or as a {@code where} list; every category, field and value checked
 * against the {@link TriggerVocabulary}.
 */
final class ConditionReader {

    private static final Set<String> TEST_KEYS = Set.of("field", "fields", "equals", "in", "present", "changed",
            "scale");
    private static final Set<String> CONDITION_KEYS = union(TEST_KEYS, Set.of("category", "where"));
    private static final Set<String> KINDS = Set.of("equals", "in", "present", "changed");

    private final TriggerVocabulary vocabulary;
    private final YamlMapping rule;

    ConditionReader(TriggerVocabulary vocabulary, YamlMapping rule) {
        this.vocabulary = vocabulary;
        this.rule = rule;
    }

    /** The conditions under {@code key}; those under {@code unless} cannot compare with a previous event. */
    List<Condition> read(String key, boolean mayCompare) throws PolicyException {
        List<Condition> conditions = new ArrayList<>();
        for (YamlMapping entry : rule.mappings(key, "condition")) {
            entry.allowOnly(CONDITION_KEYS);
            Scalar category = entry.text("category");
            if (!vocabulary.knowsCategory(category.value())) {
                throw entry.error(category.line(), "unknown category '" + category.value() + "' (known: "
                        + String.join(", ", vocabulary.categories()) + ")");
            }
            List<FieldTest> tests = new ArrayList<>();
            if (entry.has("field") || entry.has("fields")) {
                tests.add(test(entry, category.value()));
            } else if (KINDS.stream().anyMatch(entry::has) || entry.has("scale")) {
                throw entry.error(entry.line(), "a test needs 'field' (or 'fields')");
            }
            for (YamlMapping where : entry.mappings("where", "test")) {
                where.allowOnly(TEST_KEYS);
                tests.add(test(where, category.value()));
            }
            if (!mayCompare && tests.stream().anyMatch(FieldTest.Increase.class::isInstance)) {
                throw entry.error(entry.line(), "an '" + key + "' condition cannot use 'changed'");
            }
            conditions.add(new Condition(category.value(), tests, entry.line()));
        }
        return conditions;
    }

    private FieldTest test(YamlMapping test, String category) throws PolicyException {
        List<String> fields = fields(test, category);
        List<String> kinds = KINDS.stream().filter(test::has).sorted().toList();
        if (kinds.size() != 1) {
            throw test.error(test.line(), "a test needs exactly one of equals, in, present, changed (found: "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")");
        }
        if (test.has("scale") && !kinds.getFirst().equals("changed")) {
            throw test.error(test.line(), "'scale' belongs to a 'changed' test");
        }
        return switch (kinds.getFirst()) {
            case "equals" -> new FieldTest.OneOf(fields, values(category, fields, List.of(test.text("equals"))));
            case "in" -> new FieldTest.OneOf(fields, values(category, fields, nonEmpty(test, "in")));
            case "present" -> new FieldTest.Presence(fields, bool(test, test.text("present")));
            default -> increase(test, category, fields);
        };
    }

    private FieldTest increase(YamlMapping test, String category, List<String> fields) throws PolicyException {
        Scalar changed = test.text("changed");
        if (!changed.value().equals("increased")) {
            throw test.error(changed.line(), "unknown change '" + changed.value() + "' (only: increased)");
        }
        List<Scalar> scale = test.texts("scale");
        if (scale.isEmpty()) {
            for (String field : fields) {
                Set<String> known = vocabulary.values(category, field);
                if (!known.isEmpty()) {
                    throw test.error(changed.line(), "field '" + field + "' of " + category + " is not a number: give"
                            + " its 'scale', lowest first (its values: " + String.join(", ", known) + ")");
                }
            }
        }
        return new FieldTest.Increase(fields, List.copyOf(values(category, fields, scale)));
    }

    private List<String> fields(YamlMapping test, String category) throws PolicyException {
        if (test.has("field") == test.has("fields")) {
            throw test.error(test.line(), "a test names either 'field' or 'fields', not both or neither");
        }
        List<Scalar> named = test.has("field") ? List.of(test.text("field")) : nonEmpty(test, "fields");
        List<String> fields = new ArrayList<>();
        for (Scalar field : named) {
            if (!vocabulary.knowsField(category, field.value())) {
                throw test.error(field.line(), "unknown field '" + field.value() + "' for category " + category
                        + " (its fields: " + String.join(", ", vocabulary.fields(category)) + ")");
            }
            fields.add(field.value());
        }
        return fields;
    }

    /** The values written, each one a field can take where its schemas list them. */
    private Set<String> values(String category, List<String> fields, List<Scalar> written) throws PolicyException {
        Set<String> values = new LinkedHashSet<>();
        for (Scalar value : written) {
            for (String field : fields) {
                Set<String> known = vocabulary.values(category, field);
                if (!known.isEmpty() && !known.contains(value.value())) {
                    throw rule.error(value.line(), "value '" + value.value() + "' is not one field '" + field
                            + "' of " + category + " can take (" + String.join(", ", known) + ")");
                }
            }
            if (!values.add(value.value())) {
                throw rule.error(value.line(), "value '" + value.value() + "' is written twice");
            }
        }
        return values;
    }

    private static List<Scalar> nonEmpty(YamlMapping test, String key) throws PolicyException {
        List<Scalar> values = test.texts(key);
        if (values.isEmpty()) {
            throw test.error(test.line(), "'" + key + "' must list at least one value");
        }
        return values;
    }

    private static boolean bool(YamlMapping source, Scalar value) throws PolicyException {
        return switch (value.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw source.error(value.line(), "expected true or false, not '" + value.value() + "'");
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
