package org.interlock.people.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.interlock.people.identifier.Identifier;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.Resolution;
import org.interlock.people.matching.Resolution.LinkReason;

/**
 * One link the matcher found for a new record, put to an identity manager (ADR 0014, "Who links
 * people"): the index joins nobody on the asserter's word, however strong the match, because the
 * asserter chooses what they assert and a link shares each person's records with the other's staff.
 *
 * @param candidate the person the record's person may be
 * @param grade SAME_IDENTIFIER, AUTOMATIC_MATCH (at or above the automatic threshold) or CANDIDATE
 * @param score null for a shared identifier
 * @param identifier the identifier they share, if that is the evidence
 */
public record Proposal(String candidate, String grade, Double score, String identifier, String detail) {

    /** The matcher's link, one proposal per person it would have joined to the record's own. */
    public static List<Proposal> of(Resolution.Linked linked, IdentityRecord record, List<IdentityRecord> sharing,
            UnaryOperator<String> rootOf) {
        String own = rootOf.apply(record.person());
        List<String> people = new ArrayList<>();
        people.add(linked.survivor());
        people.addAll(linked.merged());
        return people.stream().filter(person -> !person.equals(own)).distinct()
                .map(person -> linked.reason() == LinkReason.SAME_IDENTIFIER
                        ? sameIdentifier(person, shared(record, sharing, person, rootOf))
                        : new Proposal(person, LinkReason.AUTOMATIC_MATCH.name(), linked.score(), null,
                                "score at or above the automatic threshold"))
                .toList();
    }

    public static Proposal of(Resolution.Candidate candidate) {
        return new Proposal(candidate.person(), "CANDIDATE", candidate.score().value(), null, "names "
                + candidate.score().names().score() + ", date of birth " + candidate.score().dateOfBirth());
    }

    private static Proposal sameIdentifier(String person, Identifier shared) {
        return new Proposal(person, LinkReason.SAME_IDENTIFIER.name(), null, shared.toString(), "shares " + shared);
    }

    private static Identifier shared(IdentityRecord record, List<IdentityRecord> sharing, String person,
            UnaryOperator<String> rootOf) {
        return sharing.stream().filter(other -> rootOf.apply(other.person()).equals(person))
                .flatMap(other -> other.identifiers().stream()).filter(record.identifiers()::contains)
                .findFirst().orElseThrow(() -> new IllegalStateException("no identifier shared with a linked person"));
    }
}
