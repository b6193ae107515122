package org.interlock.triggers;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/** A small vocabulary, rule files written inline, and events for the unit tests. */
public final class TestRules {

    public static final String FILE = "t.yaml";
    public static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    public static final TriggerVocabulary VOCABULARY = new TriggerVocabulary(Map.of(
            "partner.concern", Map.of("kind", Set.of("CONCERN_RAISED"), "notes", Set.of()),
            "supervision.appointment", Map.of("outcome", ordered("ATTENDED", "MISSED_ACCEPTABLE", "MISSED_UNACCEPTABLE"),
                    "dueAt", Set.of()),
            "partner.referral", Map.of("status", ordered("ACCEPTED", "DECLINED")),
            "risk.assessment", Map.of("intent", ordered("LOW", "MODERATE", "HIGH"), "score", Set.of()),
            "custody.reception", Map.of("establishment", Set.of())));

    private TestRules() {
    }

    public static TriggerRules load(List<String> lines) throws PolicyException {
        return new TriggerLoader(VOCABULARY).load(FILE, new StringReader(String.join("\n", lines) + "\n"));
    }

    /** An event about {@code person} at {@code T0} plus {@code seconds}, with data as field, value pairs. */
    public static ObservedEvent event(String id, String category, String person, long seconds, String... data) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < data.length; i += 2) {
            node.put(data[i], data[i + 1]);
        }
        return new ObservedEvent(id, category, person, T0.plusSeconds(seconds), node);
    }

    private static Set<String> ordered(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
