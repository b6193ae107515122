package org.interlock.gateway.federation.requests;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.interlock.contracts.PersonReference;
import org.interlock.federation.envelope.Urgency;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * The edge checks of a new request for information: everything is refused before anything is stored or sent. A
 * request without a justification is not a request (art. 4(3)); a peer that is not anchored, a purpose or a
 * category the policy does not know, is refused with the field named.
 */
final class RequestChecks {

    static final int MAX_TEXT = 2000;
    static final int MAX_ITEMS = 20;

    /** A form that passed: its urgency parsed, what it asks collected. */
    record Checked(String peer, String person, String purpose, Urgency urgency, String justification, Asked asked) {
    }

    private RequestChecks() {
    }

    static Checked check(RequestForm form, Predicate<String> anchored, Set<String> purposes, Set<String> categories) {
        if (form == null) {
            throw Validation.invalid("", "a request for information is a JSON object");
        }
        if (form.justification() == null || form.justification().isBlank()) {
            throw Validation.invalid("justification", "a request for information states why it is needed");
        }
        text("justification", form.justification());
        if (form.peer() == null || !anchored.test(form.peer())) {
            throw Validation.invalid("peer", "must be a peer of the trust anchors");
        }
        if (!PersonReference.isValid(form.person())) {
            throw Validation.invalid("person", "must be a person reference, urn:interlock:person:<uuid>");
        }
        if (form.purpose() == null || !purposes.contains(form.purpose())) {
            throw Validation.invalid("purpose", "must be one of the policy's purposes");
        }
        Asked asked = new Asked(list("categories", form.categories()), list("questions", form.questions()));
        if (asked.empty()) {
            throw Validation.invalid("categories", "a request asks for at least one category or question");
        }
        for (String category : asked.categories()) {
            if (!categories.contains(category)) {
                throw Validation.invalid("categories", "each must be one of the policy's categories");
            }
        }
        asked.questions().forEach(question -> text("questions", question));
        return new Checked(form.peer(), form.person(), form.purpose(), urgency(form.urgency()),
                form.justification().strip(), asked);
    }

    static Urgency urgency(String code) {
        for (Urgency urgency : Urgency.values()) {
            if (urgency.code().equals(code)) {
                return urgency;
            }
        }
        throw Validation.invalid("urgency", "must be urgent or not-urgent");
    }

    private static List<String> list(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS || values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw Validation.invalid(field, "at most " + MAX_ITEMS + " entries, none blank");
        }
        return values;
    }

    private static void text(String field, String value) throws ProblemException {
        if (value.length() > MAX_TEXT) {
            throw Validation.invalid(field, "at most " + MAX_TEXT + " characters");
        }
    }
}
