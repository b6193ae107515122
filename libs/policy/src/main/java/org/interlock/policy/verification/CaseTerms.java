package org.interlock.policy.verification;

import java.util.LinkedHashSet;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Action;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Principal;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.Resource;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.loading.PolicyException;
import org.interlock.policy.loading.Scalar;
import org.interlock.policy.loading.YamlMapping;

/** Reads the parts of a policy test case: subjects, resources and expectations. */
final class CaseTerms {

    private CaseTerms() {
    }

    /** Persona claims; {@code strict} requires every claim, otherwise a missing one stays null (unknown subject). */
    static Principal person(String username, YamlMapping claims, boolean strict) throws PolicyException {
        claims.allowOnly(Set.of("username", "agency", "org", "roles", "clearance"));
        String agency = claims.optionalText("agency").map(Scalar::value).orElse(null);
        if (strict && (agency == null || !claims.has("clearance"))) {
            throw claims.error(claims.line(), "a persona needs 'agency' and 'clearance'");
        }
        Classification clearance = claims.has("clearance") ? classification(claims, claims.text("clearance")) : null;
        return Principal.person(username, agency, claims.optionalText("org").map(Scalar::value).orElse(null),
                texts(claims, "roles"), clearance);
    }

    /** Inline subject: {@code {inbox: probation}}, {@code {inbox: org:horizon-mentoring}} or claims. */
    static Principal subject(YamlMapping subject) throws PolicyException {
        if (!subject.has("inbox")) {
            return person(subject.optionalText("username").map(Scalar::value).orElse(null), subject, false);
        }
        subject.allowOnly(Set.of("inbox"));
        Scalar inbox = subject.text("inbox");
        try {
            return switch (Recipient.parse(inbox.value())) {
                case Recipient.OfAgency agency -> Principal.inbox(agency.agency(), null);
                case Recipient.OfOrganisation org -> Principal.inbox("partners", org.organisation());
                case Recipient.OfPeer peer -> Principal.peer(peer.peer());
                case Recipient.OfConference conference ->
                        throw subject.error(inbox.line(), "a conference has no inbox: its invitees are people");
            };
        } catch (IllegalArgumentException e) {
            throw subject.error(inbox.line(), e.getMessage());
        }
    }

    /** What a change names: {@code {staff, organisation, categories, purposes, until, staffNamed, narrows}}. */
    static ChangeTerms change(YamlMapping change) throws PolicyException {
        change.allowOnly(Set.of("staff", "organisation", "categories", "purposes", "until", "staffNamed", "narrows",
                "referral"));
        Optional<Scalar> until = change.optionalText("until");
        LocalDate untilDate;
        try {
            untilDate = until.isEmpty() ? null : LocalDate.parse(until.get().value());
        } catch (java.time.format.DateTimeParseException e) {
            throw change.error(until.get().line(), "bad date '" + until.get().value() + "'");
        }
        return new ChangeTerms(change.optionalText("staff").map(Scalar::value).orElse(null),
                change.optionalText("organisation").map(Scalar::value).orElse(null),
                change.texts("categories").stream().map(Scalar::value).toList(),
                change.texts("purposes").stream().map(Scalar::value).toList(), untilDate,
                change.optionalText("referral").map(Scalar::value).orElse(PolicyCaseReader.REFERRAL_ID),
                change.texts("staffNamed").stream().map(Scalar::value).toList(),
                change.optionalText("narrows").map(Scalar::value).map(Boolean::parseBoolean).orElse(false));
    }

    static Action action(YamlMapping entry) throws PolicyException {
        if (!entry.has("action")) {
            return Action.READ;
        }
        Scalar action = entry.text("action");
        try {
            return Action.fromId(action.value());
        } catch (IllegalArgumentException e) {
            throw entry.error(action.line(), "unknown action '" + action.value() + "'");
        }
    }

    static Resource resource(YamlMapping resource) throws PolicyException {
        resource.allowOnly(Set.of("from", "category", "classification", "handling", "person", "type", "org",
                "addressee"));
        Scalar from = resource.text("from");
        Agency origin;
        try {
            origin = Agency.fromId(from.value());
        } catch (IllegalArgumentException e) {
            throw resource.error(from.line(), "unknown agency '" + from.value() + "'");
        }
        return new Resource(origin, resource.text("category").value(),
                classification(resource, resource.text("classification")),
                resource.optionalText("handling").map(Scalar::value).orElse(null),
                resource.optionalText("person").map(Scalar::value).orElse(PolicyCaseReader.DEFAULT_PERSON),
                resource.optionalText("type").map(Scalar::value).orElse(null),
                resource.optionalText("org").map(Scalar::value).orElse(null),
                resource.optionalText("addressee").map(Scalar::value).orElse(null));
    }

    static Expectation expectation(YamlMapping expect) throws PolicyException {
        expect.allowOnly(Set.of("decision", "reason", "agreement", "redactions", "fields", "breakGlass", "releasedAs"));
        Scalar decision = expect.text("decision");
        boolean permit = switch (decision.value()) {
            case "permit" -> true;
            case "deny" -> false;
            default -> throw expect.error(decision.line(), "decision must be permit or deny");
        };
        DenyReason reason = null;
        if (!permit) {
            Scalar text = expect.text("reason");
            try {
                reason = DenyReason.valueOf(text.value());
            } catch (IllegalArgumentException e) {
                throw expect.error(text.line(), "unknown deny reason '" + text.value() + "'");
            }
        }
        return new Expectation(permit, reason, expect.optionalText("agreement").map(Scalar::value).orElse(null),
                expect.has("redactions") ? List.copyOf(texts(expect, "redactions")) : null,
                expect.has("fields") ? List.copyOf(texts(expect, "fields")) : null,
                expect.optionalText("breakGlass").map(Scalar::value).map(Boolean::parseBoolean).orElse(null),
                expect.has("releasedAs") ? classification(expect, expect.text("releasedAs")) : null);
    }

    private static Classification classification(YamlMapping where, Scalar label) throws PolicyException {
        try {
            return Classification.fromLabel(label.value());
        } catch (IllegalArgumentException e) {
            throw where.error(label.line(), "unknown classification '" + label.value() + "'");
        }
    }

    private static Set<String> texts(YamlMapping where, String key) throws PolicyException {
        Set<String> values = new LinkedHashSet<>();
        for (Scalar value : where.texts(key)) {
            values.add(value.value());
        }
        return values;
    }
}
