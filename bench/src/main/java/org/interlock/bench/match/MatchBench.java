package org.interlock.bench.match;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.interlock.people.identifier.Identifier;
import org.interlock.people.matching.InMemoryPersonIndex;
import org.interlock.people.matching.MatchThresholds;
import org.interlock.people.matching.Resolution;

/**
 * bench/match: the person index's matcher over a synthetic population with known truth, in process
 * (no database, no HTTP): precision and recall of automatic and candidate links, match throughput,
 * and the p99 of a lookup by identifier. Prints bench/run's BENCH and SETTING lines. "Automatic"
 * is the matcher's grade: the service proposes those links to an identity manager like every other
 * (ADR 0014, "Who links people"), so this measures how often a quick confirmation is right.
 * Arguments: number of people (100,000), seed, and optionally the thresholds to try as
 * {@code automatic,namePart,candidate,nameWeight} (the people service's defaults otherwise).
 */
public final class MatchBench {

    private static final int LOOKUPS = 200_000;

    private MatchBench() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261206L;
        List<SyntheticPopulation.Assertion> all = new SyntheticPopulation(seed).generate(people);
        MatchThresholds thresholds = args.length > 2 ? thresholds(args[2]) : MatchThresholds.DEFAULT;
        InMemoryPersonIndex index = new InMemoryPersonIndex(thresholds);
        MatchOutcomes outcomes = new MatchOutcomes(thresholds);

        long start = System.nanoTime();
        for (SyntheticPopulation.Assertion assertion : all) {
            outcomes.asserted(assertion, index.assertIdentity(assertion.record()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MatchOutcomes.PairCounts automatic = outcomes.pairs(all, index::personOf);

        System.out.printf("SETTING|match: %,d people, %,d agency records (seed %d), asserted one by one into the"
                + " in-memory index (the matcher and blocking of the people service, no database or HTTP), one thread;"
                + " thresholds automatic %.2f (weaker name part %.2f), candidate %.2f%n", people, all.size(), seed,
                thresholds.automatic(), thresholds.namePart(), thresholds.candidate());
        System.out.printf("SETTING|match: %,d people merged automatically, %,d candidate links proposed, %,d conflicts"
                + " (same identifier, other date of birth; %,d truly one person)%n",
                outcomes.links, outcomes.proposals, outcomes.conflicts, outcomes.rightConflicts);
        System.out.printf("SETTING|match: right candidates not linked automatically, by cause: %s%n", outcomes.heldBack);
        bench("automatic links precision (pairwise)", automatic.precision(), "ratio", "≥ 0.999");
        bench("automatic links recall (pairwise)", automatic.recall(), "ratio", "≥ 0.95");
        bench("candidate links precision", ratio(outcomes.rightProposals, outcomes.proposals), "ratio", "reported");
        confirmRightCandidates(index, outcomes);
        MatchOutcomes.PairCounts reviewed = outcomes.pairs(all, index::personOf);
        bench("recall of automatic and confirmed candidate links (pairwise)", reviewed.recall(), "ratio", "reported");
        System.out.printf("BENCH|match: throughput|%,.0f|records/s|reported%n", all.size() / seconds);
        System.out.printf("BENCH|match: lookup by identifier at %,d people, p99|%.4f|ms|≤ 10%n", people,
                lookupP99Millis(index, all, seed));
    }

    /** An identity manager confirming every right candidate and conflict: what review can recover. */
    private static void confirmRightCandidates(InMemoryPersonIndex index, MatchOutcomes outcomes) {
        outcomes.rightReviews.forEach(review -> index.merge(review[0], review[1]));
    }

    private static double lookupP99Millis(InMemoryPersonIndex index, List<SyntheticPopulation.Assertion> all, long seed) {
        Random random = new Random(seed);
        long[] nanos = new long[LOOKUPS];
        long found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            List<Identifier> identifiers = all.get(random.nextInt(all.size())).record().identifiers();
            if (identifiers.isEmpty()) {
                i--;
                continue;
            }
            Identifier identifier = identifiers.get(random.nextInt(identifiers.size()));
            long t = System.nanoTime();
            found += index.lookup(identifier).isPresent() ? 1 : 0;
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        if (found == 0) {
            throw new IllegalStateException("no lookup found anyone");
        }
        return nanos[(int) (LOOKUPS * 0.99)] / 1e6;
    }

    private static MatchThresholds thresholds(String text) {
        double[] t = Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
        return new MatchThresholds(t[0], t[1], t[2], t[3]);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }

    private static void bench(String name, double value, String unit, String target) {
        System.out.printf("BENCH|match: %s|%.4f|%s|%s%n", name, value, unit, target);
    }
}
