package org.interlock.gateway.policy;

import org.interlock.policy.verification.PolicyCase;
import org.interlock.policy.verification.PolicyCaseReader;
import org.interlock.policy.verification.PolicyVerifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.interlock.policy.loading.PolicySource;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.policy.language.Policy;

/** Runs every case in {@code policy/tests/} against the starter policy: one test per case, named after it. */
class PolicyCasesTest {

    private static final Set<String> PERSONAS = Set.of("olivia.prison", "peter.probation", "ian.intel", "mia.mentor",
            "fred.faith", "ana.analyst", "aud.auditor", "pat.admin");

    private static List<PolicyCase> cases() throws Exception {
        return new PolicyCaseReader().read(testsFolder());
    }

    private static Path testsFolder() throws URISyntaxException {
        return Path.of(PolicyCasesTest.class.getClassLoader().getResource("policy/tests").toURI());
    }

    @TestFactory
    Stream<DynamicTest> starterPolicyDecidesEveryCaseAsExpected() throws Exception {
        Policy policy = new PolicyStore(PolicySource.classpath()).reload();
        return cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
            List<String> mismatches = PolicyVerifier.verify(policy, testCase);
            assertTrue(mismatches.isEmpty(),
                    testCase.where() + " '" + testCase.name() + "': " + String.join("; ", mismatches));
        }));
    }

    @Test
    void casesCoverEveryPersona() throws Exception {
        Set<String> covered = cases().stream().map(c -> c.request().principal().username())
                .filter(name -> name != null && PERSONAS.contains(name)).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(PERSONAS), covered);
    }

    @Test
    void caseNamesAreUnique() throws Exception {
        List<String> names = cases().stream().map(PolicyCase::name).toList();

        assertEquals(names.size(), Set.copyOf(names).size());
    }
}
