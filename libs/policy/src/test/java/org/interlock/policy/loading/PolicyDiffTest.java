package org.interlock.policy.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.interlock.policy.language.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload would change, read before it changes anything. */
class PolicyDiffTest {

    private static final String BASE = """
            version: v-1
            purposes: [case-management, resettlement]
            categories: [custody.release, licence.conditions, intel.report]
            staff:
              roles: [probation-officer]
            agreements:
              - id: p2p
                from: prisons
                to: probation
                categories: [custody.*]
                purposes: [case-management]
                maxClassification: official-sensitive
                legalBasis: statutory:Offender Management Act 2007 s.14
              - id: p2o
                from: probation
                to: prisons
                categories: [licence.*]
                purposes: [case-management]
                maxClassification: official
                legalBasis: statutory:Offender Management Act 2007 s.14
            deny:
              - id: no-intel
                reason: never
                from: intelligence
                to: [partners]
                categories: [intel.report]
            """;

    private static Policy load(String text) throws PolicyException {
        return new PolicyLoader().load("diff-test.yaml", new StringReader(text));
    }

    @Test
    void aNewVersionThatSaysTheSameChangesNothing() throws PolicyException {
        PolicyDiff diff = PolicyDiff.between(load(BASE), load(BASE.replace("v-1", "v-2")));

        assertTrue(diff.none());
        assertEquals("v-1", diff.inForce());
        assertEquals("v-2", diff.candidate());
    }

    @Test
    void agreementsAndRulesAddedRemovedAndChangedAreNamedByIdWithTheTermsThatDiffer() throws PolicyException {
        String candidate = BASE.replace("version: v-1", "version: v-2")
                .replace("  - id: p2o\n    from: probation\n    to: prisons\n    categories: [licence.*]\n"
                        + "    purposes: [case-management]\n    maxClassification: official\n"
                        + "    legalBasis: statutory:Offender Management Act 2007 s.14\n",
                        "  - id: o2p\n    from: probation\n    to: org:horizon-mentoring\n"
                        + "    categories: [licence.conditions]\n    purposes: [resettlement]\n"
                        + "    maxClassification: official\n    legalBasis: consent\n")
                .replace("purposes: [case-management]\n    maxClassification: official-sensitive",
                        "purposes: [case-management, resettlement]\n    maxClassification: official")
                .replace("deny:\n", """
                        deny:
                          - id: no-release-to-intel
                            reason: never
                            to: [intelligence]
                            categories: [custody.release]
                        """);

        PolicyDiff diff = PolicyDiff.between(load(BASE), load(candidate));

        assertEquals(new PolicyDiff.Changes(List.of("o2p"), List.of("p2o"),
                List.of(new PolicyDiff.Change("p2p", List.of("purposes", "maxClassification")))), diff.agreements());
        assertEquals(new PolicyDiff.Changes(List.of("no-release-to-intel"), List.of(), List.of()), diff.denyRules());
        assertEquals(List.of(), diff.sections());
        assertFalse(diff.none());
    }

    @Test
    void otherSectionsThatDifferAreNamed() throws PolicyException {
        PolicyDiff diff = PolicyDiff.between(load(BASE), load(BASE
                .replace("purposes: [case-management, resettlement]", "purposes: [case-management, resettlement, oversight]")
                .replace("roles: [probation-officer]", "roles: [probation-officer, offender-manager]")));

        assertEquals(List.of("purposes", "staffRoles"), diff.sections());
        assertTrue(diff.agreements().none());
    }

    @Test
    void withNothingInForceEverythingIsAdded() throws PolicyException {
        PolicyDiff diff = PolicyDiff.between(null, load(BASE));

        assertNull(diff.inForce());
        assertEquals(List.of("p2p", "p2o"), diff.agreements().added());
        assertEquals(List.of("no-intel"), diff.denyRules().added());
    }

    @Test
    void loadingACandidateLeavesThePolicyInForceAndItsDigestFollowsTheText(@TempDir Path directory)
            throws IOException, PolicyException {
        Path file = directory.resolve(PolicySource.POLICY_FILE);
        Files.writeString(file, BASE);
        PolicyStore store = new PolicyStore(PolicySource.directory(directory));
        Policy inForce = store.reload();
        PolicyCandidate same = store.load();

        Files.writeString(file, BASE.replace("v-1", "v-2"));
        PolicyCandidate next = store.load();

        assertSame(inForce, store.current(), "loading a candidate puts nothing in force");
        assertEquals("v-2", next.policy().version());
        assertTrue(same.digest().matches("sha256:[0-9a-f]{64}"), same.digest());
        assertNotEquals(same.digest(), next.digest());
        assertEquals(next.digest(), store.load().digest(), "the same text, the same digest");
        assertSame(next.policy(), store.putInForce(next));
        assertEquals("v-2", store.current().version());
    }
}
