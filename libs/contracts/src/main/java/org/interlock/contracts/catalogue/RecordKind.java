package org.interlock.contracts.catalogue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind of record a service answers with (a custody episode, a supervision case), and the
 * categories whose facts it holds: one REST resource may span several categories, and each is
 * decided on its own.
 */
public record RecordKind(String name, List<Facet> facets) {

    public RecordKind {
        facets = List.copyOf(facets);
    }

    /** One category of a record kind, and when a record holds it. */
    public record Facet(Category category, Condition when) {
    }

    /** The facets that hold for this record; none for anything that is not a JSON object. */
    public List<Category> categoriesOf(JsonNode record) {
        List<Category> held = new ArrayList<>(facets.size());
        if (record == null || !record.isObject()) {
            return held;
        }
        for (Facet facet : facets) {
            if (facet.when().holds(record)) {
                held.add(facet.category());
            }
        }
        return held;
    }

    /** Every category the kind may hold, whatever the record. */
    public List<Category> categories() {
        return facets.stream().map(Facet::category).toList();
    }
}
