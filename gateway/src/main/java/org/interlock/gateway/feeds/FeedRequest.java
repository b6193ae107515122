package org.interlock.gateway.feeds;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.contracts.Agency;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.platform.problem.Validation;

/**
 * What a client asks of a feed, read and checked at the edge the same way for both transports:
 * the declared purpose (header {@code X-Purpose-Of-Use}), the filters ({@code categories},
 * {@code persons}, {@code origins}, each comma-separated) and where to resume, if anywhere.
 * Anything malformed is a 400 or 422 problem naming the parameter.
 */
record FeedRequest(String purpose, FeedFilter filter, FeedPosition resume) {

    private static final Pattern CATEGORY = Pattern.compile("[a-z]+(\\.[a-z*]+)*|\\*");
    private static final int MAX_FILTER = 200;

    /** The request as it arrived, unchecked: header and query values, any of them null. */
    record Raw(String purpose, String categories, String persons, String origins, String resume) {
    }

    static FeedRequest parse(Raw raw, PolicyEngine policy) {
        String purpose = PurposeOfUse.require(raw.purpose(), policy);
        FeedFilter filter = new FeedFilter(categories(raw.categories()), persons(raw.persons()), origins(raw.origins()));
        return new FeedRequest(purpose, filter, raw.resume() == null ? null : FeedPosition.decode(raw.resume()));
    }

    private static List<CategoryPattern> categories(String value) {
        return split(value, "categories").stream().map(c -> {
            if (!CATEGORY.matcher(c).matches()) {
                throw Validation.invalid("categories", "each must be a category such as custody.release or custody.*");
            }
            return new CategoryPattern(c);
        }).toList();
    }

    private static Set<String> persons(String value) {
        Set<String> persons = new LinkedHashSet<>(split(value, "persons"));
        if (!persons.stream().allMatch(PersonReference::isValid)) {
            throw Validation.invalid("persons", "each must be urn:interlock:person:<uuid>");
        }
        return persons;
    }

    private static Set<Agency> origins(String value) {
        try {
            return new LinkedHashSet<>(split(value, "origins").stream().map(Agency::fromId).toList());
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("origins", "each must be prisons, probation, intelligence or partners");
        }
    }

    private static List<String> split(String value, String field) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> parts = Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (parts.size() > MAX_FILTER) {
            throw Validation.invalid(field, "at most " + MAX_FILTER + " values");
        }
        return parts;
    }
}
