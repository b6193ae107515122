package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Category;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.language.Recipient;

/**
 * The edge checks of an answer: a known outcome that agrees with its parts, parts of categories an agency's
 * catalogue declares, refusal codes of the ADR's list only (never {@code not-permitted}, which is the policy's),
 * and conditions of recipient ids and a future expiry. Nothing is decided or sent before all of it passes.
 */
final class AnswerChecks {

    /** One part as checked: its origin, its category as the catalogue declares it, and its facts. */
    record CheckedPart(Agency agency, Category category, ObjectNode content) {
    }

    /** An answer that passed. */
    record Checked(RequestState outcome, List<CheckedPart> released, List<RequestEnvelopes.RefusedPart> refused,
                   HandlingConditions conditions) {
    }

    private AnswerChecks() {
    }

    /**
     * @param catalogue the category an agency's catalogue declares by name, or null
     * @param categories the policy's categories
     */
    static Checked check(AnswerForm form, BiFunction<Agency, String, Category> catalogue, Set<String> categories,
            Instant now) {
        if (form == null) {
            throw Validation.invalid("", "an answer is a JSON object");
        }
        RequestState outcome = RequestState.outcome(form.outcome())
                .orElseThrow(() -> Validation.invalid("outcome", "must be answered, partly-answered or refused"));
        List<CheckedPart> released = released(form.released(), catalogue);
        List<RequestEnvelopes.RefusedPart> refused = refused(form.refused(), categories);
        boolean consistent = switch (outcome) {
            case ANSWERED -> !released.isEmpty() && refused.isEmpty();
            case PARTLY_ANSWERED -> !released.isEmpty() && !refused.isEmpty();
            default -> released.isEmpty() && !refused.isEmpty();
        };
        if (!consistent) {
            throw Validation.invalid("outcome", "answered releases parts and refuses none, partly-answered does both,"
                    + " refused releases none and gives a reason");
        }
        return new Checked(outcome, released, refused, conditions(form.conditions(), now));
    }

    private static List<CheckedPart> released(List<AnswerForm.Part> parts,
            BiFunction<Agency, String, Category> catalogue) {
        List<CheckedPart> checked = new ArrayList<>();
        for (AnswerForm.Part part : parts == null ? List.<AnswerForm.Part>of() : parts) {
            Agency agency = agency(part == null ? null : part.agency());
            Category category = part.category() == null ? null : catalogue.apply(agency, part.category());
            if (category == null) {
                throw Validation.invalid("released", "each part's category must be one the agency's catalogue"
                        + " declares");
            }
            if (part.content() == null || !part.content().isObject()) {
                throw Validation.invalid("released", "each part's content is a JSON object");
            }
            String handlingField = category.handling().field();
            if (handlingField != null && !part.content().path(handlingField).isTextual()) {
                // Left out, the handling code would be null and a deny rule on it would not apply.
                throw Validation.invalid("released", "a part of category " + category.name() + " states its "
                        + handlingField);
            }
            checked.add(new CheckedPart(agency, category, (ObjectNode) part.content()));
        }
        if (checked.size() > RequestChecks.MAX_ITEMS) {
            throw Validation.invalid("released", "at most " + RequestChecks.MAX_ITEMS + " parts");
        }
        return checked;
    }

    private static Agency agency(String id) {
        try {
            return Agency.fromId(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Validation.invalid("released", "each part names its agency: prisons, probation, intelligence or"
                    + " partners");
        }
    }

    private static List<RequestEnvelopes.RefusedPart> refused(List<AnswerForm.Refusal> refusals,
            Set<String> categories) {
        List<RequestEnvelopes.RefusedPart> checked = new ArrayList<>();
        for (AnswerForm.Refusal refusal : refusals == null ? List.<AnswerForm.Refusal>of() : refusals) {
            RefusalCode code = RefusalCode.chosen(refusal == null ? null : refusal.reason())
                    .orElseThrow(() -> Validation.invalid("refused", "each reason must be a code of ADR 0021:"
                            + " not-available, request-incomplete, judicial-authorisation-refused,"
                            + " personal-data-category, inaccurate-or-outdated, national-security,"
                            + " ongoing-investigation, individual-safety, legal-person-interests, minor-offence,"
                            + " not-an-offence or third-party-origin"));
            if (refusal.category() != null && !categories.contains(refusal.category())) {
                throw Validation.invalid("refused", "a refused part's category must be one of the policy's");
            }
            checked.add(new RequestEnvelopes.RefusedPart(Optional.ofNullable(refusal.category()), code));
        }
        return checked;
    }

    private static HandlingConditions conditions(AnswerForm.Conditions conditions, Instant now) {
        if (conditions == null) {
            return HandlingConditions.NO_DISSEMINATION;
        }
        List<String> to = conditions.disseminateTo() == null ? List.of() : conditions.disseminateTo();
        if (to.size() > RequestChecks.MAX_ITEMS
                || !to.stream().allMatch(Recipient::namedInConditions)) {
            throw Validation.invalid("conditions.disseminateTo", "recipient ids: an agency id, org:<id> or"
                    + " federation:<peer> (lower-case letters, digits and dashes)");
        }
        Optional<Instant> expiresAt = Optional.empty();
        if (conditions.expiresAt() != null) {
            try {
                expiresAt = Optional.of(Instant.parse(conditions.expiresAt()));
            } catch (DateTimeParseException e) {
                throw Validation.invalid("conditions.expiresAt", "must be an instant, e.g. 2027-01-31T00:00:00Z");
            }
            if (!expiresAt.get().isAfter(now)) {
                throw Validation.invalid("conditions.expiresAt", "must be in the future");
            }
        }
        // Unsaid is the strict reading: nothing passes on without the originator's permission.
        boolean ask = conditions.requiresOriginatorPermission() == null || conditions.requiresOriginatorPermission();
        return new HandlingConditions(Set.copyOf(to), ask, expiresAt);
    }
}
