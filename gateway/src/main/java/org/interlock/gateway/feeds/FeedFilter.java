package org.interlock.gateway.feeds;

import java.util.List;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.PersonLinks;
import org.interlock.policy.language.CategoryPattern;

/**
 * What a subscriber asked for: categories (patterns such as {@code custody.*}), persons, origin
 * agencies. Each empty list means any. Filtering only narrows: policy still decides each event. A
 * person asked for is followed under every reference the person index links to it, as the links
 * stand when the event is matched (ADR 0014).
 */
public record FeedFilter(List<CategoryPattern> categories, Set<String> persons, Set<Agency> origins) {

    public FeedFilter {
        categories = List.copyOf(categories);
        persons = Set.copyOf(persons);
        origins = Set.copyOf(origins);
    }

    public boolean matches(FeedEntry entry, PersonLinks links) {
        var event = entry.event();
        return (origins.isEmpty() || origins.contains(event.origin()))
                && (persons.isEmpty() || follows(event.person(), links))
                && (categories.isEmpty() || categories.stream().anyMatch(c -> c.matches(event.category().name())));
    }

    /** Whether the person, under any reference linked to it, is one asked for. */
    public boolean follows(String person, PersonLinks links) {
        return person != null && (persons.contains(person)
                || links.identities(person).stream().anyMatch(persons::contains));
    }
}
