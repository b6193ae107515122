package org.interlock.gateway.feeds;

import java.util.List;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.language.CategoryPattern;

/**
 * What a subscriber asked for: categories (patterns such as {@code custody.*}), persons, origin
 * agencies. Each empty list means any. Filtering only narrows: policy still decides each event.
 */
public record FeedFilter(List<CategoryPattern> categories, Set<String> persons, Set<Agency> origins) {

    public FeedFilter {
        categories = List.copyOf(categories);
        persons = Set.copyOf(persons);
        origins = Set.copyOf(origins);
    }

    public boolean matches(FeedEntry entry) {
        var event = entry.event();
        return (origins.isEmpty() || origins.contains(event.origin()))
                && (persons.isEmpty() || persons.contains(event.person()))
                && (categories.isEmpty() || categories.stream().anyMatch(c -> c.matches(event.category().name())));
    }
}
