package org.interlock.triggers.verification;

import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;
import org.interlock.triggers.evaluation.Firing;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * Reads a file of rule test cases ({@value #FILE}, beside the rule file): each case a list of
 * events and the firings expected. Events name categories and fields of the vocabulary, so a case
 * cannot pass by testing an event that never exists. The format is described at the top of the file.
 */
public final class TriggerCaseReader {

    public static final String FILE = "triggers-tests.yaml";
    /** The person of an event or firing that names none. */
    public static final String DEFAULT_PERSON = "urn:interlock:person:00000000-0000-4000-8000-000000000001";

    private static final Set<String> CASE_KEYS = Set.of("name", "rule", "events", "until", "expect");
    private static final Set<String> EVENT_KEYS = Set.of("id", "category", "person", "at", "data");
    private static final Set<String> FIRING_KEYS = Set.of("rule", "person", "events", "at");

    private final TriggerVocabulary vocabulary;

    public TriggerCaseReader(TriggerVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<TriggerCase> read(String file, Reader reader) throws PolicyException {
        YamlMapping root = YamlMapping.parse(file, reader);
        root.allowOnly(Set.of("cases"));
        return root.each("cases", "case", this::testCase);
    }

    private TriggerCase testCase(YamlMapping entry) throws PolicyException {
        entry.allowOnly(CASE_KEYS);
        if (!entry.has("expect")) {
            throw entry.error(entry.line(), "a case needs 'expect' (the firings, in order; [] for none)");
        }
        List<ObservedEvent> events = entry.each("events", "event", this::event);
        List<Firing> expected = entry.each("expect", "firing", TriggerCaseReader::firing);
        Instant until = entry.has("until") ? instant(entry, entry.text("until")) : null;
        return new TriggerCase(entry.text("name").value(), entry.text("rule").value(),
                entry.file() + ":" + entry.line(), events, until, expected);
    }

    private static Firing firing(YamlMapping firing) throws PolicyException {
        firing.allowOnly(FIRING_KEYS);
        List<String> ids = firing.texts("events").stream().map(Scalar::value).toList();
        return new Firing(firing.text("rule").value(), person(firing), ids, instant(firing, firing.text("at")));
    }

    private ObservedEvent event(YamlMapping event) throws PolicyException {
        event.allowOnly(EVENT_KEYS);
        Scalar category = event.text("category");
        if (!vocabulary.knowsCategory(category.value())) {
            throw event.error(category.line(), "unknown category '" + category.value() + "'");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (event.has("data")) {
            YamlMapping fields = event.mapping("data").orElseThrow();
            for (String field : fields.keys()) {
                Scalar value = fields.text(field);
                if (!vocabulary.knowsField(category.value(), field)) {
                    throw event.error(value.line(), "unknown field '" + field + "' for category " + category.value());
                }
                data.put(field, value.value().equals("null") ? null : value.value());
            }
        }
        return new ObservedEvent(event.text("id").value(), category.value(), person(event), instant(event, event.text("at")),
                data);
    }

    private static String person(YamlMapping entry) throws PolicyException {
        return entry.has("person") ? entry.text("person").value() : DEFAULT_PERSON;
    }

    private static Instant instant(YamlMapping source, Scalar value) throws PolicyException {
        try {
            return Instant.parse(value.value());
        } catch (DateTimeParseException e) {
            throw source.error(value.line(), "bad instant '" + value.value() + "' (such as 2026-12-01T09:00:00Z)");
        }
    }
}
