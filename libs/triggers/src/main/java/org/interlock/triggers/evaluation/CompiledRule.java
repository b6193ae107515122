package org.interlock.triggers.evaluation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.triggers.language.Condition;
import org.interlock.triggers.language.FieldTest;
import org.interlock.triggers.language.TriggerRule;

/**
 * A rule ready to evaluate: its conditions in one array ({@code when} first, then {@code unless}),
 * its window in milliseconds and its place in the file (which orders firings of one event).
 */
final class CompiledRule {

    final int index;
    final String id;
    final long window;
    final int whenCount;
    final Condition[] conditions;
    final boolean waitsForWindowToClose;

    CompiledRule(int index, TriggerRule rule) {
        this.index = index;
        this.id = rule.id();
        this.window = rule.within().toMillis();
        this.whenCount = rule.when().size();
        List<Condition> all = new ArrayList<>(rule.when());
        all.addAll(rule.unless());
        this.conditions = all.toArray(Condition[]::new);
        this.waitsForWindowToClose = rule.waitsForWindowToClose();
    }

    boolean isUnless(int condition) {
        return condition >= whenCount;
    }

    /** Whether the data passes every test that needs no previous event. */
    boolean passesPlainTests(int condition, JsonNode data) {
        for (FieldTest test : conditions[condition].tests()) {
            if (!(test instanceof FieldTest.Increase) && !holds(test, data)) {
                return false;
            }
        }
        return true;
    }

    /** The change test of a condition, or null when it has none. */
    FieldTest.Increase increase(int condition) {
        for (FieldTest test : conditions[condition].tests()) {
            if (test instanceof FieldTest.Increase increase) {
                return increase;
            }
        }
        return null;
    }

    private static boolean holds(FieldTest test, JsonNode data) {
        for (String field : test.fields()) {
            JsonNode value = data == null ? null : data.get(field);
            boolean present = value != null && !value.isNull();
            boolean holds = switch (test) {
                case FieldTest.OneOf oneOf -> present && oneOf.values().contains(value.asText());
                case FieldTest.Presence presence -> present == presence.present();
                case FieldTest.Increase increase -> false;
            };
            if (holds) {
                return true;
            }
        }
        return false;
    }
}
