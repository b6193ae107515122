package org.interlock.triggers.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.interlock.triggers.RealVocabulary;
import org.interlock.triggers.language.TriggerRule;
import org.interlock.triggers.language.TriggerRules;

/** Runs every case of {@code policy/triggers-tests.yaml} against {@code policy/triggers.yaml}: one test per case. */
class TriggerCasesTest {

    private static final String CASES = "policy/" + TriggerCaseReader.FILE;

    private static List<TriggerCase> cases() throws Exception {
        try (Reader reader = RealVocabulary.open(CASES)) {
            return new TriggerCaseReader(RealVocabulary.VOCABULARY).read(CASES, reader);
        }
    }

    @TestFactory
    Stream<DynamicTest> rulesFireExactlyAsEveryCaseExpects() throws Exception {
        TriggerRules rules = RealVocabulary.rules();
        return cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
            List<String> mismatches = TriggerVerifier.verify(rules, testCase);
            assertTrue(mismatches.isEmpty(), testCase.where() + " '" + testCase.name() + "': " + mismatches);
        }));
    }

    @Test
    void everyRuleFiresInOneCaseAndStaysSilentInAnother() throws Exception {
        Set<String> rules = RealVocabulary.rules().rules().stream().map(TriggerRule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (TriggerCase testCase : cases()) {
            boolean fires = testCase.expected().stream().anyMatch(f -> f.rule().equals(testCase.rule()));
            (fires ? firing : silent).add(testCase.rule());
        }

        assertEquals(List.of(rules, rules), List.of(firing, silent));
    }

    @Test
    void caseNamesAreUniqueAndNameKnownRules() throws Exception {
        Set<String> rules = RealVocabulary.rules().rules().stream().map(TriggerRule::id).collect(Collectors.toSet());
        List<TriggerCase> cases = cases();

        assertEquals(cases.size(), cases.stream().map(TriggerCase::name).distinct().count());
        assertEquals(List.of(), cases.stream().map(TriggerCase::rule).filter(r -> !rules.contains(r)).toList());
    }

    @Test
    void theRuleFileHoldsTheFourRulesOfIssue16() throws Exception {
        assertEquals(List.of("concern-and-missed-appointment", "release-without-accepted-referral",
                "threat-flag-on-licence", "assessment-rating-rose"),
                RealVocabulary.rules().rules().stream().map(TriggerRule::id).toList());
    }
}
