package org.interlock.policy.language;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.ReleasedFields;

/**
 * Who may receive what from whom, why, and with what withheld: the written agreement between a
 * data controller and a recipient, as policy.
 *
 * @param actions           which of read, subscribe and receive it grants (never write)
 * @param roles             the recipient's roles it is for; empty for the recipient's staff roles
 * @param maxClassification nothing above it leaves the origin under this agreement
 * @param handling          handling codes allowed to travel (only P; data without a code always may)
 * @param redact            JSONPath expressions removed from what is released
 * @param fields            whitelist of released paths; {@code ["$"]} for the whole record
 * @param releaseAs         when not null, the whitelisted projection is released as this (lower)
 *                          classification, which the recipient's clearance is then checked against
 * @param validFrom         in force from (inclusive); null for always
 * @param validUntil        in force until (exclusive); null for no expiry
 * @param requiresCaseload  a person may read only about persons allocated to them
 * @param addressed         releases a record only to the organisation or agency it is addressed to
 *                          (a referral reaches the organisation it names, a conference action its
 *                          owner, and no other)
 * @param window            for an agreement {@code to: conference}, when around the meeting it opens
 *                          the pack to the invitees; null for every other agreement
 * @param peerConditions    for an agreement {@code to: federation:<peer>}, the handling conditions sent with
 *                          what it releases; null for every other agreement
 */
public record SharingAgreement(String id, Agency from, Recipient to, List<CategoryPattern> categories,
        Set<String> purposes, Set<Action> actions, Set<String> roles, Classification maxClassification,
        Set<String> handling, LegalBasis legalBasis, List<String> redact, List<String> fields,
        Classification releaseAs, Instant validFrom, Instant validUntil, boolean requiresCaseload,
        boolean addressed, ConferenceWindow window, PeerConditions peerConditions) {

    public SharingAgreement {
        categories = List.copyOf(categories);
        purposes = Set.copyOf(purposes);
        actions = Set.copyOf(actions);
        roles = Set.copyOf(roles);
        handling = Set.copyOf(handling);
        redact = List.copyOf(redact);
        fields = List.copyOf(fields);
        if (actions.contains(Action.WRITE)) {
            throw new IllegalArgumentException("An agreement never grants write: " + id);
        }
        if (releaseAs != null && !releaseAs.atMost(maxClassification)) {
            throw new IllegalArgumentException("releaseAs above maxClassification: " + id);
        }
        boolean conference = to instanceof Recipient.OfConference;
        if (conference != (window != null)) {
            throw new IllegalArgumentException("a conference agreement, and only one, has a window: " + id);
        }
        if (to instanceof Recipient.OfPeer && (addressed || !Set.of(Action.RECEIVE).equals(actions)
                || legalBasis instanceof LegalBasis.Consent)) {
            throw new IllegalArgumentException("an agreement to a federation peer grants receive only, on a statutory"
                    + " basis: " + id);
        }
        if (to instanceof Recipient.OfPeer != (peerConditions != null)) {
            throw new IllegalArgumentException("an agreement to a federation peer, and only one, has handling conditions"
                    + " for the peer: " + id);
        }
        if (conference && (addressed || !Set.of(Action.READ).equals(actions)
                || legalBasis instanceof LegalBasis.Consent)) {
            throw new IllegalArgumentException("a conference agreement grants read only, on a statutory basis: " + id);
        }
    }

    /** Whether it is for the invitees of case conferences. */
    public boolean forConference() {
        return to instanceof Recipient.OfConference;
    }

    public static Builder builder(String id, Agency from, Recipient to) {
        return new Builder(id, from, to);
    }

    public boolean covers(String category) {
        for (CategoryPattern pattern : categories) {
            if (pattern.matches(category)) {
                return true;
            }
        }
        return false;
    }

    public boolean inForceAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }

    /** The classification of what this agreement releases from data of the given classification. */
    public Classification releasedAs(Classification data) {
        return releaseAs == null || data.atMost(releaseAs) ? data : releaseAs;
    }

    /** Assembles an agreement with the safe defaults a policy file may omit. */
    public static final class Builder {
        private final String id;
        private final Agency from;
        private final Recipient to;
        private List<CategoryPattern> categories = List.of();
        private Set<String> purposes = Set.of();
        private Set<Action> actions = EnumSet.of(Action.READ, Action.SUBSCRIBE, Action.RECEIVE);
        private Set<String> roles = Set.of();
        private Classification maxClassification = Classification.OFFICIAL;
        private Set<String> handling = Set.of("P");
        private LegalBasis legalBasis;
        private List<String> redact = List.of();
        private List<String> fields = ReleasedFields.WHOLE;
        private Classification releaseAs;
        private Instant validFrom;
        private Instant validUntil;
        private boolean requiresCaseload = true;
        private boolean addressed;
        private ConferenceWindow window;
        private PeerConditions peerConditions;

        private Builder(String id, Agency from, Recipient to) {
            this.id = id;
            this.from = from;
            this.to = to;
            if (to instanceof Recipient.OfConference) {
                actions = EnumSet.of(Action.READ);
            }
            if (to instanceof Recipient.OfPeer) {
                actions = EnumSet.of(Action.RECEIVE);
                peerConditions = PeerConditions.ASK_FIRST;
            }
        }

        public Builder categories(String... patterns) {
            return categories(List.of(patterns).stream().map(CategoryPattern::new).toList());
        }

        public Builder categories(List<CategoryPattern> value) { categories = value; return this; }

        public Builder purposes(Set<String> value) { purposes = value; return this; }

        public Builder purposes(String... value) { return purposes(Set.of(value)); }

        public Builder actions(Set<Action> value) { actions = value; return this; }

        public Builder roles(Set<String> value) { roles = value; return this; }

        public Builder maxClassification(Classification value) { maxClassification = value; return this; }

        public Builder handling(Set<String> value) { handling = value; return this; }

        public Builder legalBasis(LegalBasis value) { legalBasis = value; return this; }

        public Builder redact(List<String> value) { redact = value; return this; }

        public Builder fields(List<String> value) { fields = value; return this; }

        public Builder releaseAs(Classification value) { releaseAs = value; return this; }

        public Builder validFrom(Instant value) { validFrom = value; return this; }

        public Builder validUntil(Instant value) { validUntil = value; return this; }

        public Builder requiresCaseload(boolean value) { requiresCaseload = value; return this; }

        public Builder addressed(boolean value) { addressed = value; return this; }

        public Builder window(ConferenceWindow value) { window = value; return this; }

        public Builder peerConditions(PeerConditions value) { peerConditions = value; return this; }

        public SharingAgreement build() {
            return new SharingAgreement(id, from, to, categories, purposes, actions, roles, maxClassification,
                    handling, Objects.requireNonNull(legalBasis, "legal basis of agreement " + id), redact,
                    fields, releaseAs, validFrom, validUntil, requiresCaseload, addressed, window, peerConditions);
        }
    }
}
