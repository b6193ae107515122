package org.interlock.bench.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.interlock.people.matching.Resolution;

/**
 * Tallies the matcher's decisions against the truth. Links are judged pairwise over the final
 * people (every two records the index holds as one person: right if they truly are); candidate
 * links one by one (right if the candidate's record truly is the same person).
 */
final class MatchOutcomes {

    private final org.interlock.people.matching.MatchThresholds thresholds;
    private final Map<String, Integer> truthOfRecord = new HashMap<>();
    long links;

    MatchOutcomes(org.interlock.people.matching.MatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    long proposals;
    long rightProposals;
    long conflicts;
    long rightConflicts;
    /** Records proposed rather than linked to the person they truly are, by what held them back. */
    final Map<String, Long> heldBack = new java.util.TreeMap<>();
    /** What an identity manager would confirm: each right candidate and conflict, as (person, into). */
    final List<String[]> rightReviews = new java.util.ArrayList<>();

    void asserted(SyntheticPopulation.Assertion assertion, Resolution resolution) {
        truthOfRecord.put(assertion.record().recordId(), assertion.truth());
        switch (resolution) {
            case Resolution.Linked linked -> links += linked.merged().size();
            case Resolution.Proposed proposed -> proposed.candidates().forEach(candidate -> {
                proposals++;
                if (assertion.truth() == truthOfRecord.get(candidate.recordId())) {
                    heldBack.merge(cause(candidate.score()), 1L, Long::sum);
                    rightProposals++;
                    rightReviews.add(new String[] {assertion.record().person(), candidate.person()});
                }
            });
            case Resolution.Conflict conflict -> {
                conflicts++;
                if (assertion.truth() == truthOfRecord.get(conflict.existing().recordId())) {
                    rightConflicts++;
                    rightReviews.add(new String[] {assertion.record().person(), conflict.existing().person()});
                }
            }
            case Resolution.Unmatched unmatched -> {
            }
        }
    }

    private String cause(org.interlock.people.matching.MatchScore score) {
        if (score.dateOfBirth() == org.interlock.people.matching.DateAgreement.UNKNOWN) {
            return "date of birth unknown";
        }
        if (score.names().weakest() < thresholds.namePart()) {
            return "a name part below " + thresholds.namePart();
        }
        return score.value() >= thresholds.automatic() ? "another person as likely" : "score below " + thresholds.automatic();
    }

    /** Pairwise precision and recall of the people the index holds, over every record asserted. */
    PairCounts pairs(List<SyntheticPopulation.Assertion> all, UnaryOperator<String> personOf) {
        Map<String, Integer> perPerson = new HashMap<>();
        Map<Long, Integer> perPersonAndTruth = new HashMap<>();
        Map<Integer, Integer> perTruth = new HashMap<>();
        for (SyntheticPopulation.Assertion a : all) {
            String person = personOf.apply(a.record().person());
            perPerson.merge(person, 1, Integer::sum);
            perPersonAndTruth.merge(((long) person.hashCode() << 32) ^ a.truth(), 1, Integer::sum);
            perTruth.merge(a.truth(), 1, Integer::sum);
        }
        return new PairCounts(sumPairs(perPersonAndTruth), sumPairs(perPerson), sumPairs(perTruth));
    }

    private static long sumPairs(Map<?, Integer> counts) {
        return counts.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    /** Pairs held as one person that truly are, pairs held as one person, pairs that truly are one person. */
    record PairCounts(long right, long held, long truth) {
        double precision() {
            return held == 0 ? 1 : (double) right / held;
        }

        double recall() {
            return truth == 0 ? 1 : (double) right / truth;
        }
    }
}
