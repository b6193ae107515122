package org.interlock.people.matching;

import java.util.List;

import org.interlock.people.identifier.Identifier;

/** What the matcher decided about a new identity record. */
public sealed interface Resolution {

    /** Why two people became one. */
    enum LinkReason {
        /** They share a strong identifier. */
        SAME_IDENTIFIER,
        /** Their names and dates of birth scored above the automatic threshold. */
        AUTOMATIC_MATCH,
        /** An identity manager confirmed a candidate link. */
        CONFIRMED
    }

    /**
     * The record is one of {@code survivor}'s; {@code merged} are the people (the record's own among
     * them when it was someone else until now) who become {@code survivor}. Empty when the record's
     * person already was {@code survivor}.
     */
    record Linked(String survivor, List<String> merged, LinkReason reason, double score) implements Resolution {
        public Linked {
            merged = List.copyOf(merged);
        }
    }

    /** The record may be one of these people: an identity manager decides; until then it is its own person. */
    record Proposed(List<Candidate> candidates) implements Resolution {
        public Proposed {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The record shares {@code identifier} with {@code existing} but contradicts it (another date of
     * birth): nothing is overwritten, an identity manager decides.
     */
    record Conflict(Identifier identifier, IdentityRecord existing, String detail) implements Resolution {
    }

    /** Nobody known resembles the record: it is a person of its own. */
    record Unmatched() implements Resolution {
    }

    /** A person the record may be, the record of theirs it resembles most, and how much. */
    record Candidate(String person, String recordId, MatchScore score) {
    }
}
