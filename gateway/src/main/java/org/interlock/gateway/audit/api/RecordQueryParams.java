package org.interlock.gateway.audit.api;

import java.util.List;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Decision;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.store.RecordFilter;
import org.interlock.policy.PersonLinks;
import org.interlock.platform.problem.Validation;

/**
 * The auditor's query string, checked at the edge: each value must be of its kind or the query is
 * refused with a problem naming the parameter. Nothing unchecked reaches SQL (which binds every
 * value anyway) or the audit record of the query.
 */
final class RecordQueryParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private RecordQueryParams() {
    }

    static String person(String value, String field) {
        if (value != null && !PersonReference.isValid(value)) {
            throw Validation.invalid(field, "must be urn:interlock:person:<uuid>");
        }
        return value;
    }

    static String name(String value, String field) {
        if (value != null && !NAME.matcher(value).matches()) {
            throw Validation.invalid(field, "must be 1-128 letters, digits or . _ @ -");
        }
        return value;
    }

    static Set<Action> action(String value) {
        if (value == null) {
            return Set.of();
        }
        try {
            return Set.of(Action.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("action", "must be one of " + java.util.Arrays.toString(Action.values()));
        }
    }

    static Decision.Outcome outcome(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "permit" -> Decision.Outcome.PERMIT;
            case "deny" -> Decision.Outcome.DENY;
            default -> throw Validation.invalid("outcome", "must be permit or deny");
        };
    }

    static Instant time(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Validation.invalid(field, "must be an ISO-8601 instant, e.g. 2026-11-26T09:00:00Z");
        }
    }

    static Boolean flag(String value, String field) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Validation.invalid(field, "must be true or false");
        };
    }

    /** The cursor is the sequence of the last record of the previous page; absent: from the start. */
    static long cursor(String value) {
        return value == null ? -1 : nonNegative(value, "cursor");
    }

    static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw Validation.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    static long nonNegative(String value, String field) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Validation.invalid(field, "must be a whole number, 0 or more");
    }

    /** The filter of a query; a person is asked about under every reference linked to it. */
    static RecordFilter filter(String person, String actor, String agency, String org, String action, String outcome,
            String from, String until, String breakGlass, PersonLinks links) {
        String asked = person(person, "person");
        return new RecordFilter(asked == null ? List.of() : links.identities(asked), name(actor, "actor"), name(agency, "agency"),
                name(org, "org"), null, action(action), outcome(outcome), time(from, "from"), time(until, "until"),
                flag(breakGlass, "breakGlass"));
    }
}
