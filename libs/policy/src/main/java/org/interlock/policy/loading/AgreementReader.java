package org.interlock.policy.loading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.language.ConferenceWindow;
import org.interlock.policy.language.PeerConditions;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

/** Reads one {@code agreements:} entry, checking each value against the policy's vocabulary. */
final class AgreementReader {

    static final Set<String> KEYS = Set.of("id", "description", "from", "to", "categories", "purposes", "actions",
            "roles", "maxClassification", "handling", "legalBasis", "redact", "fields", "releaseAs", "validFrom",
            "validUntil", "requiresCaseload", "addressed", "opensBefore", "closesAfter", "onwardTo", "askBeforeOnward",
            "keepFor");

    /** The keys only an agreement to a federation peer may have: its handling conditions. */
    private static final List<String> PEER_KEYS = List.of("onwardTo", "askBeforeOnward", "keepFor");

    private final PolicyVocabulary vocabulary;
    private final KnownPeers peers;

    AgreementReader(PolicyVocabulary vocabulary, KnownPeers peers) {
        this.vocabulary = vocabulary;
        this.peers = peers;
    }

    SharingAgreement read(YamlMapping entry, Scalar id) throws PolicyException {
        entry.allowOnly(KEYS);
        PolicyTerms terms = new PolicyTerms(entry, peers);
        SharingAgreement.Builder agreement = SharingAgreement.builder(id.value(),
                terms.agency(entry.text("from")), terms.recipient(entry.text("to")));
        agreement.categories(vocabulary.categoryPatterns(required(entry, "categories")));
        agreement.purposes(vocabulary.purposes(required(entry, "purposes")));
        Classification max = terms.classification(entry.text("maxClassification"));
        agreement.maxClassification(max);
        agreement.legalBasis(terms.legalBasis(entry.text("legalBasis")));
        agreement.roles(texts(entry, "roles"));
        if (entry.has("actions")) {
            agreement.actions(actions(entry, terms));
        }
        if (entry.has("handling")) {
            agreement.handling(handling(entry));
        }
        List<String> redact = new ArrayList<>();
        for (Scalar path : entry.texts("redact")) {
            redact.add(terms.redaction(path));
        }
        agreement.redact(redact);
        readRelease(entry, terms, max, agreement);
        readValidity(entry, terms, agreement);
        Optional<Scalar> caseload = entry.optionalText("requiresCaseload");
        if (caseload.isPresent()) {
            agreement.requiresCaseload(terms.bool(caseload.get()));
        }
        Optional<Scalar> addressed = entry.optionalText("addressed");
        if (addressed.isPresent()) {
            agreement.addressed(terms.bool(addressed.get()));
        }
        readConference(entry, terms, agreement);
        readPeerConditions(entry, terms, agreement);
        try {
            return agreement.build();
        } catch (IllegalArgumentException e) {
            throw entry.error(entry.line(), e.getMessage());
        }
    }

    /** An agreement {@code to: conference} opens the pack in a window around the meeting, and only such one has one. */
    private static void readConference(YamlMapping entry, PolicyTerms terms, SharingAgreement.Builder agreement)
            throws PolicyException {
        boolean conference = Recipient.OfConference.ID.equals(entry.text("to").value());
        if (!conference) {
            for (String key : List.of("opensBefore", "closesAfter")) {
                if (entry.has(key)) {
                    throw entry.error(entry.line(), "'" + key + "' is only for an agreement to: conference");
                }
            }
            return;
        }
        if (!entry.has("opensBefore") || !entry.has("closesAfter")) {
            throw entry.error(entry.line(), "an agreement to: conference needs 'opensBefore' and 'closesAfter' (ISO-8601 durations)");
        }
        agreement.window(new ConferenceWindow(terms.duration(entry.text("opensBefore")),
                terms.duration(entry.text("closesAfter"))));
    }

    /**
     * An agreement to a federation peer sends the originator's handling conditions with what it releases. Unwritten,
     * they are the strictest: nothing goes on without asking. Only such an agreement may write them.
     */
    private static void readPeerConditions(YamlMapping entry, PolicyTerms terms, SharingAgreement.Builder agreement)
            throws PolicyException {
        if (!entry.text("to").value().startsWith(Recipient.PEER_PREFIX)) {
            for (String key : PEER_KEYS) {
                if (entry.has(key)) {
                    throw entry.error(entry.line(), "'" + key + "' is only for an agreement to: federation:<peer>");
                }
            }
            return;
        }
        Optional<Scalar> ask = entry.optionalText("askBeforeOnward");
        Optional<Scalar> keep = entry.optionalText("keepFor");
        try {
            agreement.peerConditions(new PeerConditions(texts(entry, "onwardTo"),
                    ask.isEmpty() || terms.bool(ask.get()),
                    keep.isPresent() ? Optional.of(terms.duration(keep.get())) : Optional.empty()));
        } catch (IllegalArgumentException e) {
            throw entry.error(entry.line(), e.getMessage());
        }
    }

    private static List<Scalar> required(YamlMapping entry, String key) throws PolicyException {
        List<Scalar> values = entry.texts(key);
        if (values.isEmpty()) {
            throw entry.error(entry.line(), "agreement needs a non-empty '" + key + "' list");
        }
        return values;
    }

    private static Set<String> texts(YamlMapping entry, String key) throws PolicyException {
        Set<String> values = new LinkedHashSet<>();
        for (Scalar value : entry.texts(key)) {
            values.add(value.value());
        }
        return values;
    }

    private static Set<Action> actions(YamlMapping entry, PolicyTerms terms) throws PolicyException {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Scalar value : required(entry, "actions")) {
            Action action = terms.action(value);
            if (action == Action.WRITE) {
                throw entry.error(value.line(), "an agreement cannot grant write: only the owning agency writes its data");
            }
            actions.add(action);
        }
        return actions;
    }

    private static Set<String> handling(YamlMapping entry) throws PolicyException {
        Set<String> codes = new LinkedHashSet<>();
        for (Scalar code : entry.texts("handling")) {
            switch (code.value()) {
                case "P" -> codes.add("P");
                case "C" -> throw entry.error(code.line(), "handling code C never leaves the origin agency");
                default -> throw entry.error(code.line(), "unknown handling code '" + code.value() + "' (P or C)");
            }
        }
        return codes;
    }

    private static void readRelease(YamlMapping entry, PolicyTerms terms, Classification max,
            SharingAgreement.Builder agreement) throws PolicyException {
        if (entry.has("fields")) {
            List<String> fields = new ArrayList<>();
            for (Scalar field : required(entry, "fields")) {
                fields.add(terms.field(field));
            }
            agreement.fields(fields);
        }
        Optional<Scalar> releaseAs = entry.optionalText("releaseAs");
        if (releaseAs.isPresent()) {
            Classification as = terms.classification(releaseAs.get());
            if (!entry.has("fields")) {
                throw entry.error(releaseAs.get().line(), "releaseAs needs a 'fields' whitelist: only a projection may be released lower");
            }
            if (!as.atMost(max)) {
                throw entry.error(releaseAs.get().line(), "releaseAs " + as.label() + " is above maxClassification " + max.label());
            }
            agreement.releaseAs(as);
        }
    }

    private static void readValidity(YamlMapping entry, PolicyTerms terms, SharingAgreement.Builder agreement)
            throws PolicyException {
        Optional<Scalar> from = entry.optionalText("validFrom");
        Optional<Scalar> until = entry.optionalText("validUntil");
        if (from.isPresent()) {
            agreement.validFrom(terms.instant(from.get()));
        }
        if (until.isPresent()) {
            agreement.validUntil(terms.instant(until.get()));
            if (from.isPresent() && !terms.instant(until.get()).isAfter(terms.instant(from.get()))) {
                throw entry.error(until.get().line(), "validUntil must be after validFrom");
            }
        }
    }
}
