package org.interlock.bench.triggers;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.evaluation.TriggerEvaluator;
import org.interlock.triggers.language.TriggerRule;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * bench/triggers: review-trigger evaluation in process (issue 16): the real rule file plus generated
 * variants, 50 rules in all, checked against the real catalogues and event schemas (read from the
 * source tree), over a synthetic stream of agency events; one warm-up pass, then one measured pass
 * on a fresh evaluator. Prints bench/run's BENCH and SETTING lines.
 * Arguments: the repository root, events (1,000,000), persons (10,000), rules (50), seed.
 */
public final class TriggersBench {

    /** Categories that are not facts about a person's conduct or case: no rule is written on them. */
    private static final Set<String> NOT_ABOUT_A_PERSON = Set.of("partner.organisation", "partner.received",
            "partner.erasure");

    private TriggersBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int persons = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int ruleCount = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 20261206L;
        Duration span = Duration.ofDays(365);

        TriggerVocabulary vocabulary = vocabulary(root);
        List<String> categories = vocabulary.categories().stream().filter(c -> !NOT_ABOUT_A_PERSON.contains(c)).toList();
        TriggerRules rules = rules(root, vocabulary, categories, ruleCount, seed);
        List<ObservedEvent> stream = new SyntheticEventStream(vocabulary, categories).generate(events, persons, span, seed);

        run(rules, stream);
        long before = usedHeap();
        long start = System.nanoTime();
        Outcome outcome = run(rules, stream);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("SETTING|triggers: %d rules (%d from gateway/.../policy/triggers.yaml, the rest generated"
                + " over %d real categories: pairs, triples, unless, rises on a scale, single tests), windows 7d-730d;"
                + " %,d events over %,d persons spread over %d days, 1 in 100 up to 1 h late (seed %d); one thread,"
                + " one warm-up pass, then one measured pass on a fresh evaluator%n", rules.rules().size(),
                rules.rules().stream().filter(r -> !r.id().startsWith(RuleVariants.PREFIX)).count(), categories.size(),
                events, persons, span.toDays(), seed);
        System.out.printf("SETTING|triggers: %,d firings; at the end %,d persons and %,d entries held, %,d matches"
                + " waiting; heap in use after the pass %,d MiB (before it, with the stream alone: %,d MiB)%n",
                outcome.firings,
                outcome.evaluator.personsHeld(), outcome.evaluator.entriesHeld(), outcome.evaluator.pendingHeld(),
                usedHeap() >> 20, before >> 20);
        System.out.printf("BENCH|triggers: evaluation throughput, %d rules|%,.0f|events/s|≥ 20,000%n",
                rules.rules().size(), events / seconds);
    }

    private record Outcome(TriggerEvaluator evaluator, long firings) {
    }

    private static Outcome run(TriggerRules rules, List<ObservedEvent> stream) {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules);
        long firings = 0;
        for (ObservedEvent event : stream) {
            firings += evaluator.accept(event).size();
        }
        return new Outcome(evaluator, firings);
    }

    /** The catalogues and schemas as the services hold them in the source tree. */
    private static TriggerVocabulary vocabulary(Path root) throws IOException {
        List<URL> folders = new ArrayList<>();
        for (String module : List.of("services/prisons", "services/probation", "services/intelligence",
                "services/partners", "libs/agency-service")) {
            folders.add(root.resolve(module).resolve("src/main/resources/").toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(folders.toArray(URL[]::new), null)) {
            return TriggerVocabulary.fromClasspath(loader, "META-INF/interlock/catalogue/", "META-INF/interlock/schemas/");
        }
    }

    private static TriggerRules rules(Path root, TriggerVocabulary vocabulary, List<String> categories, int count,
            long seed) throws IOException, PolicyException {
        TriggerLoader loader = new TriggerLoader(vocabulary);
        Path file = root.resolve("gateway/src/main/resources/policy").resolve(TriggerLoader.FILE);
        List<TriggerRule> all = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.addAll(loader.load(file.toString(), reader).rules());
        }
        String variants = new RuleVariants(vocabulary, categories, seed).file(count - all.size());
        all.addAll(loader.load("generated variants", new StringReader(variants)).rules());
        return new TriggerRules("bench", all);
    }

    /** The heap in use after a collection: what is retained. */
    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
