package org.interlock.agency.assessment;

import static org.interlock.agency.assessment.RiskLevel.HIGH;
import static org.interlock.agency.assessment.RiskLevel.LOW;
import static org.interlock.agency.assessment.RiskLevel.MODERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.interlock.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** An assessment rates every factor of the set it names, as the set allows, and its domains agree with them. */
class AssessmentCheckTest {

    private static final FactorSet SET = new FactorSet("frame", 1, "A frame", List.of(LOW, HIGH), List.of(
            new FactorSet.Domain("engagement", List.of(new FactorSet.Factor("grievance", "g"),
                    new FactorSet.Factor("belonging", "b"))),
            new FactorSet.Domain("intent", List.of(new FactorSet.Factor("harm-justified", "h"))),
            new FactorSet.Domain("capability", List.of(new FactorSet.Factor("skills", "s")))));
    private static final FactorSets SETS = new FactorSets(List.of(SET));
    private static final AssessmentCheck STRICT = new AssessmentCheck(SETS::find, false);

    @Test
    void aCompleteAssessmentGivesItsFactorRatingsInTheSetsOrder() {
        assertEquals(List.of(new FactorRating("engagement", "grievance", HIGH), new FactorRating("engagement", "belonging", LOW),
                        new FactorRating("intent", "harm-justified", LOW), new FactorRating("capability", "skills", LOW)),
                STRICT.check(request(MODERATE, "frame", 1, factors(HIGH, LOW, LOW, LOW))));
    }

    @Test
    void anUnknownSetOrVersionIsRefused() {
        assertRefused("factorSet", "no factor set frame version 2 here", STRICT, request(LOW, "frame", 2, factors(LOW, LOW, LOW, LOW)));
        assertRefused("factorSet", "no factor set other version 1 here", STRICT, request(LOW, "other", 1, factors(LOW, LOW, LOW, LOW)));
        assertRefused("factorSetVersion", "must give the version of factor set frame", STRICT,
                request(LOW, "frame", null, factors(LOW, LOW, LOW, LOW)));
    }

    @Test
    void aMissingFactorIsRefused() {
        Map<String, RiskLevel> factors = factors(LOW, LOW, LOW, LOW);
        factors.remove("skills");
        assertRefused("factors.skills", "is not rated: rate every factor of factor set frame version 1", STRICT,
                request(LOW, "frame", 1, factors));
    }

    @Test
    void anUnknownFactorIsRefused() {
        Map<String, RiskLevel> factors = factors(LOW, LOW, LOW, LOW);
        factors.put("charisma", LOW);
        assertRefused("factors.charisma", "is not a factor of factor set frame version 1", STRICT, request(LOW, "frame", 1, factors));
    }

    @Test
    void aRatingTheSetDoesNotAllowIsRefused() {
        assertRefused("factors.harm-justified", "rating MODERATE is not one factor set frame version 1 allows ([LOW, HIGH])",
                STRICT, request(LOW, "frame", 1, factors(LOW, LOW, MODERATE, LOW)));
    }

    @Test
    void aDomainRatedOutsideItsFactorsRangeIsRefused() {
        assertRefused("engagement", "must lie between the lowest (LOW) and the highest (LOW) rating of its factors", STRICT,
                request(HIGH, "frame", 1, factors(LOW, LOW, LOW, LOW)));
    }

    @Test
    void withoutAFactorSetOnlyADomainOnlyServiceAccepts() {
        assertRefused("factorSet", "must name the factor set the factors are rated against", STRICT, request(LOW, null, null, null));
        AssessmentCheck domainOnly = new AssessmentCheck(SETS::find, true);
        assertEquals(List.of(), domainOnly.check(request(LOW, null, null, null)));
        assertRefused("factorSet", "must name the factor set the factors are rated against", domainOnly,
                request(LOW, null, null, factors(LOW, LOW, LOW, LOW)));
    }

    private static Map<String, RiskLevel> factors(RiskLevel grievance, RiskLevel belonging, RiskLevel harm, RiskLevel skills) {
        Map<String, RiskLevel> factors = new LinkedHashMap<>();
        factors.put("grievance", grievance);
        factors.put("belonging", belonging);
        factors.put("harm-justified", harm);
        factors.put("skills", skills);
        return factors;
    }

    private static AssessmentRequest request(RiskLevel engagement, String set, Integer version, Map<String, RiskLevel> factors) {
        return new AssessmentRequest("urn:interlock:person:00000000-0000-4000-8000-000000000001", LocalDate.of(2026, 12, 1),
                "olivia.prison", engagement, LOW, LOW, MODERATE, "r", null, set, version, factors);
    }

    private static void assertRefused(String field, String message, AssessmentCheck check, AssessmentRequest request) {
        ProblemException e = assertThrows(ProblemException.class, () -> check.check(request));
        assertEquals(422, e.problem().status());
        assertEquals(List.of(field + ": " + message), e.problem().errors().stream()
                .map(error -> error.field() + ": " + error.message()).toList());
    }
}
