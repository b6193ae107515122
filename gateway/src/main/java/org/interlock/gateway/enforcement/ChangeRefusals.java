package org.interlock.gateway.enforcement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.catalogue.Category;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.Decision;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;

/**
 * What a change names, read from the request and the record it changes by the category's terms,
 * and how a refused change is answered: a request that names what it may not (a member of staff
 * of another agency, an organisation that is suspended, a consent wider than its referral) is
 * 422 with the field at fault; a caller without the authority is 403. Either way nothing is
 * recorded by the service; the refusal is in the audit trail.
 */
final class ChangeRefusals {

    /** Refusals of what the request names, and the term that names it. */
    private static final Map<DenyReason, String> BAD_TERMS = Map.of(
            DenyReason.STAFF_UNKNOWN, "staff",
            DenyReason.STAFF_NAMED_UNKNOWN, "staffNamed",
            DenyReason.ORGANISATION_SUSPENDED, "organisation",
            DenyReason.OUTSIDE_REFERRAL, "categories",
            DenyReason.INVALID_TERMS, "categories");
    private static final Set<DenyReason> NO_REFERRAL = EnumSet.of(DenyReason.NO_REFERRAL);

    private ChangeRefusals() {
    }

    static ProblemException problem(Decision decision, Category category) {
        DenyReason reason = decision instanceof Deny deny ? deny.reason() : DenyReason.POLICY_ERROR;
        String term = BAD_TERMS.get(reason);
        if (term != null) {
            String field = category.terms().getOrDefault(term, term);
            return Validation.invalid(field, message(reason));
        }
        if (NO_REFERRAL.contains(reason)) {
            return new ProblemException(ProblemType.VALIDATION_FAILED, message(reason));
        }
        return new ProblemException(ProblemType.FORBIDDEN, message(reason));
    }

    /** The terms of a change: each from the request where it names it, else from the record it changes. */
    static ChangeTerms terms(Category category, JsonNode existing, JsonNode request, boolean narrows) {
        Map<String, String> fields = category.terms();
        return new ChangeTerms(text(field(fields, "staff", existing, request)),
                text(field(fields, "organisation", existing, request)),
                texts(field(fields, "categories", existing, request)),
                texts(field(fields, "purposes", existing, request)),
                date(field(fields, "until", existing, request)),
                text(field(fields, "referral", existing, request)),
                texts(field(fields, "staffNamed", existing, request)), narrows);
    }

    private static JsonNode field(Map<String, String> fields, String term, JsonNode existing, JsonNode request) {
        String name = fields.get(term);
        if (name == null) {
            return null;
        }
        JsonNode given = request == null || !request.isObject() ? null : request.get(name);
        return given != null && !given.isNull() ? given : existing == null ? null : existing.get(name);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        }
        return texts;
    }

    private static LocalDate date(JsonNode node) {
        try {
            return node != null && node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String message(DenyReason reason) {
        return switch (reason) {
            case STAFF_UNKNOWN -> "names someone who is not staff of the agency (or organisation) making the change";
            case STAFF_NAMED_UNKNOWN -> "names someone who may not be given access by this change (not staff of the agency, or not in a staff role)";
            case ORGANISATION_SUSPENDED -> "names an organisation that is not registered, or is suspended";
            case OUTSIDE_REFERRAL -> "lies outside an accepted referral of the person to the organisation";
            case INVALID_TERMS -> "names categories or purposes the policy does not know";
            case NO_REFERRAL -> "There is no accepted referral of the person to the organisation for this";
            case NOT_STATUTORY_LEAD -> "Only the person's statutory lead refers them to a partner organisation";
            case NOT_AUTHORISED -> "Your role does not hold the authority to make this change";
            case RESTRICTED -> "The person's records are restricted to named staff";
            default -> "You may not make this change";
        };
    }
}
