package org.interlock.bench.triggers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * Generated rules over the real categories, fields and values, written as rule-file text so that
 * they pass the same loader as the real ones: pairs and triples within a window, rules with
 * {@code unless}, rises on a scale, single conditions with a value test.
 */
final class RuleVariants {

    static final String PREFIX = "variant-";
    private static final String[] WINDOWS = {"7d", "14d", "30d", "90d"};

    private final TriggerVocabulary vocabulary;
    private final List<String> categories;
    private final Random random;

    RuleVariants(TriggerVocabulary vocabulary, List<String> categories, long seed) {
        this.vocabulary = vocabulary;
        this.categories = categories;
        this.random = new Random(seed);
    }

    /** A rule file of {@code count} rules, ids {@code variant-1} ... */
    String file(int count) {
        StringBuilder yaml = new StringBuilder("version: bench-variants\nrules:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  - id: ").append(PREFIX).append(i).append('\n')
                    .append("    description: generated variant ").append(i).append('\n');
            switch (i % 5) {
                case 0 -> conditions(yaml, "when", 2, false).append("    within: ").append(window()).append('\n');
                case 1 -> conditions(yaml, "when", 3, false).append("    within: ").append(window()).append('\n');
                case 2 -> conditions(conditions(yaml, "when", 1, false), "unless", 1, false).append("    within: 30d\n");
                case 3 -> yaml.append("    when:\n      - category: risk.assessment\n        fields: ")
                        .append(random.nextBoolean() ? "[intent, capability]" : "[engagement, overall]")
                        .append("\n        changed: increased\n        scale: [LOW, MODERATE, HIGH]\n")
                        .append("    within: 365d\n");
                default -> conditions(yaml, "when", 1, true);
            }
        }
        return yaml.toString();
    }

    /** Conditions on random categories, three in four with a value test ({@code tested}: each one that can). */
    private StringBuilder conditions(StringBuilder yaml, String key, int count, boolean tested) {
        yaml.append("    ").append(key).append(":\n");
        for (int c = 0; c < count; c++) {
            String category = categories.get(random.nextInt(categories.size()));
            yaml.append("      - category: ").append(category).append('\n');
            List<String> testable = new ArrayList<>();
            for (String field : vocabulary.fields(category)) {
                if (!vocabulary.values(category, field).isEmpty()) {
                    testable.add(field);
                }
            }
            if (!testable.isEmpty() && (tested || random.nextInt(4) > 0)) {
                String field = testable.get(random.nextInt(testable.size()));
                Set<String> values = vocabulary.values(category, field);
                String value = List.copyOf(values).get(random.nextInt(values.size()));
                yaml.append("        field: ").append(field).append("\n        equals: ").append(value).append('\n');
            }
        }
        return yaml;
    }

    private String window() {
        return WINDOWS[random.nextInt(WINDOWS.length)];
    }
}
