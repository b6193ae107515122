package org.interlock.people.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.interlock.people.identifier.Identifier;

/**
 * The person index held in memory: records filed by identifier and by blocking key, people merged by
 * pointing one reference at another. What the tests and {@code bench/match} run the matcher against;
 * the people service keeps the same tables in PostgreSQL. Not thread-safe: one writer.
 */
public final class InMemoryPersonIndex {

    private final Resolver resolver;
    private final Map<Identifier, List<IdentityRecord>> byIdentifier = new HashMap<>();
    private final Map<String, List<IdentityRecord>> byKey = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    public InMemoryPersonIndex(MatchThresholds thresholds) {
        this.resolver = new Resolver(thresholds);
    }

    /** Decides who the record is and files it, unless it conflicts with what is known. */
    public Resolution assertIdentity(IdentityRecord record) {
        Resolution resolution = resolver.resolve(record, sharing(record), candidates(record), this::personOf);
        if (resolution instanceof Resolution.Conflict) {
            return resolution;
        }
        if (resolution instanceof Resolution.Linked linked) {
            linked.merged().forEach(person -> merge(person, linked.survivor()));
        }
        file(record);
        return resolution;
    }

    /** The person the reference resolves to now: itself, or whoever it was merged into. */
    public String personOf(String reference) {
        String current = reference;
        String next;
        while ((next = mergedInto.get(current)) != null) {
            current = next;
        }
        if (!current.equals(reference)) {
            mergedInto.put(reference, current);
        }
        return current;
    }

    /** The person holding the identifier, if anyone does. */
    public Optional<String> lookup(Identifier identifier) {
        List<IdentityRecord> records = byIdentifier.get(identifier);
        return records == null ? Optional.empty() : Optional.of(personOf(records.getFirst().person()));
    }

    /** Makes {@code person} (and whoever was merged into it) {@code survivor}. */
    public void merge(String person, String survivor) {
        String root = personOf(person);
        String target = personOf(survivor);
        if (!root.equals(target)) {
            mergedInto.put(root, target);
        }
    }

    private void file(IdentityRecord record) {
        for (Identifier identifier : record.identifiers()) {
            byIdentifier.computeIfAbsent(identifier, any -> new ArrayList<>(2)).add(record);
        }
        for (String key : BlockingKeys.of(record)) {
            byKey.computeIfAbsent(key, any -> new ArrayList<>(4)).add(record);
        }
    }

    private List<IdentityRecord> sharing(IdentityRecord record) {
        Set<IdentityRecord> found = new LinkedHashSet<>();
        for (Identifier identifier : record.identifiers()) {
            found.addAll(byIdentifier.getOrDefault(identifier, List.of()));
        }
        return new ArrayList<>(found);
    }

    private List<IdentityRecord> candidates(IdentityRecord record) {
        Set<IdentityRecord> found = new LinkedHashSet<>();
        for (String key : BlockingKeys.of(record)) {
            found.addAll(byKey.getOrDefault(key, List.of()));
        }
        return new ArrayList<>(found);
    }
}
