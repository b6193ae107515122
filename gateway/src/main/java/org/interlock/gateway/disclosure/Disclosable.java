package org.interlock.gateway.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Category;
import org.interlock.contracts.catalogue.RecordKind;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Resource;

/**
 * Something that may be disclosed: an agency's record or event, as the catalogue describes it.
 * Each facet is one category of its facts, decided on its own; what leaves is never more than the
 * fields of the facets permitted.
 *
 * @param id      the record's or event's own id, for the audit record
 * @param content the record as the agency holds it (never changed)
 */
public record Disclosable(String id, JsonNode content, List<Facet> facets) {

    public Disclosable {
        facets = List.copyOf(facets);
    }

    /** An agency event: one facet, its category's. */
    public static Disclosable of(AgencyEvent event) {
        return new Disclosable(event.id(), event.data(),
                List.of(Facet.of(event.resource(), event.category())));
    }

    /**
     * A record a service answered with: one facet for each category its kind holds for this
     * record. Something that is not a JSON object is put to every category of its kind, whose
     * obligations then cannot be applied: it is withheld, and each refusal recorded.
     */
    public static Disclosable of(Agency origin, RecordKind kind, JsonNode record) {
        List<Facet> facets = new ArrayList<>();
        List<Category> held = record != null && record.isObject() ? kind.categoriesOf(record) : kind.categories();
        for (Category category : held) {
            Resource resource = new Resource(origin, category.name(), category.classificationOf(record),
                    handling(category, record), text(record, category.personField()), kind.name(),
                    text(record, category.organisationField()), text(record, category.addresseeField()));
            facets.add(Facet.of(resource, category));
        }
        return new Disclosable(text(record, "id"), record, facets);
    }

    private static String handling(Category category, JsonNode record) {
        return category.handling().field() != null ? text(record, category.handling().field())
                : category.handling().code();
    }

    /** A field's text, or null (also for ids longer than any Interlock id, kept out of the audit log). */
    private static String text(JsonNode record, String field) {
        if (field == null || record == null) {
            return null;
        }
        JsonNode value = record.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 128
                ? value.asText() : null;
    }

    /**
     * One category of the facts: how policy sees it, the top-level fields that belong to it, and
     * those of them that repeat others ({@link Category#derived()}).
     */
    public record Facet(Resource resource, List<String> fields, Map<String, List<String>> derived) {

        public Facet {
            fields = List.copyOf(fields);
            derived = Map.copyOf(derived);
        }

        static Facet of(Resource resource, Category category) {
            return new Facet(resource, category.fields(), category.derived());
        }
    }
}
