package org.interlock.agency.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.interlock.policy.loading.PolicyException;
import org.junit.jupiter.api.Test;

/** A factor set file loads only whole and well formed; every complaint names the file and the line. */
class FactorSetReaderTest {

    private static final String GOOD = """
            id: frame
            version: 3
            title: A frame
            ratings: [LOW, HIGH]
            domains:
              - id: engagement
                factors:
                  - {id: grievance, description: g}
              - id: intent
                factors:
                  - {id: harm-justified, description: h}
              - id: capability
                factors:
                  - {id: skills, description: s}
                  - {id: history, description: v}
            """;

    @Test
    void theSetsShippedWithTheKitLoad() {
        List<FactorSet> sets = FactorSets.load(List.of("extremism-spj-1", "extremism-spj-2"),
                getClass().getClassLoader());
        assertEquals(List.of(8, 9), sets.stream().map(s -> s.factorIds().size()).toList());
        assertEquals(List.of(RiskLevel.LOW, RiskLevel.MODERATE, RiskLevel.HIGH), sets.get(1).ratings());
    }

    @Test
    void aWellFormedFileGivesItsDomainsFactorsAndRatings() throws PolicyException {
        FactorSet set = FactorSetReader.read("frame.yaml", new StringReader(GOOD));
        assertEquals(new FactorSet("frame", 3, "A frame", List.of(RiskLevel.LOW, RiskLevel.HIGH), List.of(
                new FactorSet.Domain("engagement", List.of(new FactorSet.Factor("grievance", "g"))),
                new FactorSet.Domain("intent", List.of(new FactorSet.Factor("harm-justified", "h"))),
                new FactorSet.Domain("capability", List.of(new FactorSet.Factor("skills", "s"),
                        new FactorSet.Factor("history", "v"))))), set);
    }

    @Test
    void aRatingOffTheScaleIsRefusedAtItsLine() {
        assertProblem(GOOD.replace("[LOW, HIGH]", "[LOW, SEVERE]"), 4, "unknown rating 'SEVERE' (one of LOW, MODERATE, HIGH)");
    }

    @Test
    void ratingsOutOfOrderAreRefused() {
        assertProblem(GOOD.replace("[LOW, HIGH]", "[HIGH, LOW]"), 4,
                "rating LOW is repeated or out of order: list the ratings lowest first (LOW, MODERATE, HIGH)");
    }

    @Test
    void aFactorNamedTwiceInTheSetIsRefusedAtTheSecond() {
        assertProblem(GOOD.replace("{id: history, description: v}", "{id: grievance, description: v}"), 15,
                "factor 'grievance' is named twice in the set");
    }

    @Test
    void anUnknownDomainIsRefusedAtItsLine() {
        assertProblem(GOOD.replace("id: intent", "id: motive"), 9, "unknown domain 'motive' (one of engagement, intent, capability)");
    }

    @Test
    void aMissingDomainIsRefused() {
        String withoutCapability = GOOD.substring(0, GOOD.indexOf("  - id: capability"));
        assertProblem(withoutCapability, 1, "the domains must be engagement, intent, capability, each once and in that"
                + " order (found: engagement, intent)");
    }

    @Test
    void anUnknownKeyIsRefusedAtItsLine() {
        assertProblem(GOOD.replace("{id: skills, description: s}", "{id: skills, description: s, weight: 2}"), 14,
                "unknown key 'weight' in factor #1 (allowed: description, id)");
    }

    @Test
    void aVersionThatIsNotAWholeNumberIsRefused() {
        assertProblem(GOOD.replace("version: 3", "version: 1.5"), 2, "version '1.5' is not a whole number from 1");
    }

    @Test
    void aFactorSetNotOnTheClasspathStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FactorSets.load(List.of("no-such-set"), getClass().getClassLoader()));
        assertEquals("META-INF/interlock/factor-sets/no-such-set.yaml: no such factor set on the classpath", e.getMessage());
    }

    @Test
    void theSameSetAndVersionReadTwiceStopsTheStart() throws PolicyException {
        FactorSet set = FactorSetReader.read("frame.yaml", new StringReader(GOOD));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FactorSets(List.of(set, set)));
        assertEquals("factor set frame version 3 is read twice", e.getMessage());
    }

    private static void assertProblem(String yaml, int line, String problem) {
        PolicyException e = assertThrows(PolicyException.class, () -> FactorSetReader.read("frame.yaml", new StringReader(yaml)));
        assertEquals("frame.yaml:" + line + ": " + problem, e.getMessage());
    }
}
