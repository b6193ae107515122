package org.interlock.triggers.verification;

import java.util.ArrayList;
import java.util.List;

import org.interlock.triggers.evaluation.Firing;
import org.interlock.triggers.evaluation.ObservedEvent;
import org.interlock.triggers.evaluation.TriggerEvaluator;
import org.interlock.triggers.language.TriggerRules;

/** Runs a case against rules on a fresh evaluator and says how the firings differ from those expected. */
public final class TriggerVerifier {

    private TriggerVerifier() {
    }

    /** The firings of the case's events under the rules, in the order they fired. */
    public static List<Firing> run(TriggerRules rules, TriggerCase testCase) {
        TriggerEvaluator evaluator = new TriggerEvaluator(rules);
        List<Firing> fired = new ArrayList<>();
        for (ObservedEvent event : testCase.events()) {
            fired.addAll(evaluator.accept(event));
        }
        if (testCase.until() != null) {
            fired.addAll(evaluator.advanceTo(testCase.until()));
        }
        return fired;
    }

    /** Empty when the rules fire exactly as expected; otherwise what was expected and what fired. */
    public static List<String> verify(TriggerRules rules, TriggerCase testCase) {
        List<Firing> fired = run(rules, testCase);
        if (fired.equals(testCase.expected())) {
            return List.of();
        }
        return List.of("expected " + describe(testCase.expected()) + " but fired " + describe(fired));
    }

    private static String describe(List<Firing> firings) {
        if (firings.isEmpty()) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        for (Firing f : firings) {
            parts.add(f.rule() + " for " + f.person() + " on " + f.events() + " at " + f.time());
        }
        return String.join("; ", parts);
    }
}
