package org.interlock.people.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.interlock.people.identifier.Identifier;
import org.interlock.people.matching.Resolution.Candidate;
import org.interlock.people.matching.Resolution.LinkReason;

/**
 * Decides who a new identity record is (ADR 0014), from the records that share an identifier with it
 * and the candidates its blocking keys found; storage is the caller's. In order:
 * <ol>
 * <li>a record that shares an identifier but contradicts it (both dates of birth known, not equal) is
 * a {@link Resolution.Conflict}: nothing is linked or overwritten;</li>
 * <li>a shared identifier links deterministically, merging every person that holds it;</li>
 * <li>one person scoring at or above the automatic threshold is linked; several are proposed, since
 * two people both that like the record say the record cannot tell them apart;</li>
 * <li>people at or above the candidate threshold are proposed to an identity manager.</li>
 * </ol>
 */
public final class Resolver {

    private final RecordScorer scorer;
    private final MatchThresholds thresholds;

    public Resolver(MatchThresholds thresholds) {
        this.thresholds = thresholds;
        this.scorer = new RecordScorer(thresholds);
    }

    /**
     * @param sharing the known records holding any of the record's identifiers, oldest first
     * @param candidates the known records sharing a blocking key with it
     * @param rootOf the person a reference currently resolves to (itself unless merged)
     */
    public Resolution resolve(IdentityRecord record, List<IdentityRecord> sharing, List<IdentityRecord> candidates,
            UnaryOperator<String> rootOf) {
        for (IdentityRecord existing : sharing) {
            DateAgreement dates = DateAgreement.of(record.dateOfBirth(), existing.dateOfBirth());
            if (dates != DateAgreement.EXACT && dates != DateAgreement.UNKNOWN) {
                Identifier shared = sharedIdentifier(record, existing);
                return new Resolution.Conflict(shared, existing, "another date of birth is recorded for " + shared);
            }
        }
        String own = rootOf.apply(record.person());
        if (!sharing.isEmpty()) {
            Set<String> people = new LinkedHashSet<>();
            sharing.forEach(existing -> people.add(rootOf.apply(existing.person())));
            people.add(own);
            return linked(new ArrayList<>(people), LinkReason.SAME_IDENTIFIER, 1.0);
        }
        List<Candidate> ranked = rank(record, candidates, own, rootOf);
        List<Candidate> automatic = ranked.stream().filter(c -> thresholds.isAutomatic(c.score())).toList();
        if (automatic.size() == 1) {
            Candidate best = automatic.getFirst();
            return linked(List.of(best.person(), own), LinkReason.AUTOMATIC_MATCH, best.score().value());
        }
        List<Candidate> proposed = ranked.stream().filter(c -> thresholds.isCandidate(c.score())).toList();
        return proposed.isEmpty() ? new Resolution.Unmatched() : new Resolution.Proposed(proposed);
    }

    /** The best-scoring record of each person other than the record's own, best first. */
    private List<Candidate> rank(IdentityRecord record, List<IdentityRecord> candidates, String own,
            UnaryOperator<String> rootOf) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (IdentityRecord other : candidates) {
            String person = rootOf.apply(other.person());
            if (person.equals(own)) {
                continue;
            }
            MatchScore score = scorer.score(record, other);
            Candidate known = best.get(person);
            if (known == null || score.value() > known.score().value()) {
                best.put(person, new Candidate(person, other.recordId(), score));
            }
        }
        List<Candidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score().value()).reversed());
        return ranked;
    }

    /** The first person survives; the others, the record's own among them, are merged into it. */
    private static Resolution.Linked linked(List<String> people, LinkReason reason, double score) {
        String survivor = people.getFirst();
        return new Resolution.Linked(survivor, people.subList(1, people.size()).stream()
                .filter(p -> !p.equals(survivor)).distinct().toList(), reason, score);
    }

    private static Identifier sharedIdentifier(IdentityRecord a, IdentityRecord b) {
        return a.identifiers().stream().filter(b.identifiers()::contains).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("records share no identifier"));
    }
}
