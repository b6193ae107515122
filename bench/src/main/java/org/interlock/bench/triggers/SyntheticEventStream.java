package org.interlock.bench.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * A seeded stream of agency events over the real categories: persons drawn at random, event time
 * advancing evenly over {@code span}, one event in a hundred up to an hour late, data with values
 * each field can take (from the schemas). Each category has a small set of data variants, shared
 * by its events, so that the stream's memory is its ids and times.
 */
final class SyntheticEventStream {

    private static final int VARIANTS = 64;

    private final TriggerVocabulary vocabulary;
    private final List<String> categories;

    SyntheticEventStream(TriggerVocabulary vocabulary, List<String> categories) {
        this.vocabulary = vocabulary;
        this.categories = categories;
    }

    List<ObservedEvent> generate(int events, int persons, Duration span, long seed) {
        Random random = new Random(seed);
        JsonNode[][] data = new JsonNode[categories.size()][VARIANTS];
        for (int c = 0; c < categories.size(); c++) {
            for (int v = 0; v < VARIANTS; v++) {
                data[c][v] = data(categories.get(c), random);
            }
        }
        String[] people = new String[persons];
        for (int p = 0; p < persons; p++) {
            people[p] = "urn:interlock:person:00000000-0000-4000-8000-" + String.format("%012d", p);
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long step = span.toMillis() / events;
        List<ObservedEvent> stream = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            int category = random.nextInt(categories.size());
            long late = random.nextInt(100) == 0 ? random.nextInt(3_600_000) : 0;
            stream.add(new ObservedEvent("event-" + i, categories.get(category), people[random.nextInt(persons)],
                    start.plusMillis(i * step - late), data[category][random.nextInt(VARIANTS)]));
        }
        return stream;
    }

    private ObjectNode data(String category, Random random) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String field : vocabulary.fields(category)) {
            Set<String> values = vocabulary.values(category, field);
            if (!values.isEmpty()) {
                node.put(field, List.copyOf(values).get(random.nextInt(values.size())));
            } else if (random.nextInt(3) > 0) {
                node.put(field, "2026-12-01");
            }
        }
        return node;
    }
}
