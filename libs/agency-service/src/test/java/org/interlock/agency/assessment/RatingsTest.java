package org.interlock.agency.assessment;

import static org.interlock.agency.assessment.RiskLevel.HIGH;
import static org.interlock.agency.assessment.RiskLevel.LOW;
import static org.interlock.agency.assessment.RiskLevel.MODERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What changed since the previous assessment: domains and the overall rating first, then factors rated in both. */
class RatingsTest {

    @Test
    void aFirstAssessmentChangesNothing() {
        assertEquals(List.of(), Ratings.changes(null, Ratings.of(LOW, LOW, LOW, LOW, List.of())));
    }

    @Test
    void eachDomainThatMovedIsAChangeInTheDomainsOrder() {
        Ratings before = Ratings.of(LOW, HIGH, MODERATE, MODERATE, List.of());
        Ratings after = Ratings.of(MODERATE, HIGH, LOW, HIGH, List.of());
        assertEquals(List.of(RatingChange.ofDomain("engagement", LOW, MODERATE),
                RatingChange.ofDomain("capability", MODERATE, LOW),
                RatingChange.ofDomain("overall", MODERATE, HIGH)), Ratings.changes(before, after));
    }

    @Test
    void aFactorRatedInBothThatMovedIsAChangeWithinItsDomain() {
        Ratings before = Ratings.of(LOW, LOW, LOW, LOW, List.of(new FactorRating("engagement", "grievance", LOW),
                new FactorRating("intent", "harm-justified", LOW)));
        Ratings after = Ratings.of(LOW, LOW, LOW, LOW, List.of(new FactorRating("engagement", "grievance", MODERATE),
                new FactorRating("intent", "harm-justified", LOW), new FactorRating("capability", "associates", HIGH)));
        assertEquals(List.of(new RatingChange("engagement", "grievance", LOW, MODERATE)), Ratings.changes(before, after));
    }

    @Test
    void afterADomainOnlyAssessmentOnlyTheDomainsCompare() {
        Ratings before = Ratings.of(LOW, LOW, LOW, LOW, List.of());
        Ratings after = Ratings.of(LOW, MODERATE, LOW, LOW, List.of(new FactorRating("intent", "harm-justified", MODERATE)));
        assertEquals(List.of(RatingChange.ofDomain("intent", LOW, MODERATE)), Ratings.changes(before, after));
    }
}
