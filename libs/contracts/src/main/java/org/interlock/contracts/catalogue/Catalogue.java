package org.interlock.contracts.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.interlock.contracts.Agency;

/**
 * What an agency service holds and answers, in the terms need-to-know is decided on: its
 * categories (the facts of each), its kinds of record (the categories each spans), its operations
 * (method, path template, accepted query, what each reads or changes) and the category of each
 * event type it publishes. The service owns it, beside its resources; the gateway reaches nothing
 * that is not in it. Read with {@link CatalogueReader}.
 */
public record Catalogue(Agency agency, Map<String, Category> categories, Map<String, RecordKind> records,
        List<Operation> operations, Map<String, Category> events) {

    public Catalogue {
        categories = Map.copyOf(categories);
        records = Map.copyOf(records);
        operations = List.copyOf(operations);
        events = Map.copyOf(events);
    }

    /** An operation matched, with the values of its path parameters. */
    public record Match(Operation operation, Map<String, String> params) {
    }

    /** The operation for this method on these plain path segments (below {@code /api/v1/}), if any. */
    public Optional<Match> match(String method, List<String> segments) {
        for (Operation operation : operations) {
            if (!operation.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> params = operation.path().match(segments);
            if (params.isPresent()) {
                return Optional.of(new Match(operation, params.get()));
            }
        }
        return Optional.empty();
    }

    /** The category of an event type this agency publishes; empty for a type it does not declare. */
    public Optional<Category> categoryOfEvent(String type) {
        return Optional.ofNullable(events.get(type));
    }
}
