package org.interlock.triggers.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.CatalogueReader;
import org.interlock.contracts.catalogue.Category;

/**
 * What a rule may name: the categories of the agencies' events, the fields each carries (from the
 * services' catalogues, ADR 0010) and, where every event schema of the category lists them, the
 * values a field can take. A misspelt category, field or value is a load error, not a rule that
 * silently never fires.
 */
public final class TriggerVocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Category → field → the values it can take (empty: any value). */
    private final Map<String, Map<String, Set<String>>> categories;

    public TriggerVocabulary(Map<String, Map<String, Set<String>>> categories) {
        Map<String, Map<String, Set<String>>> copy = new LinkedHashMap<>();
        categories.forEach((name, fields) -> {
            Map<String, Set<String>> values = new LinkedHashMap<>();
            fields.forEach((field, allowed) -> values.put(field, Collections.unmodifiableSet(new LinkedHashSet<>(allowed))));
            copy.put(name, Map.copyOf(values));
        });
        this.categories = Map.copyOf(copy);
    }

    /**
     * The vocabulary of the catalogues and schemas on a classpath, laid out as the gateway lays them
     * out: every catalogue part in {@code catalogueFolder}, every event schema as
     * {@code schemaFolder/<type>.json}. An event type without a schema constrains no values.
     */
    public static TriggerVocabulary fromClasspath(ClassLoader loader, String catalogueFolder, String schemaFolder) {
        Map<Agency, Catalogue> catalogues = new LinkedHashMap<>();
        for (Agency agency : Agency.values()) {
            catalogues.put(agency, CatalogueReader.fromClasspath(agency, loader, catalogueFolder));
        }
        return fromCatalogues(catalogues.values(), type -> schema(loader, schemaFolder + type + ".json"));
    }

    public static TriggerVocabulary fromCatalogues(Collection<Catalogue> catalogues,
            Function<String, Optional<JsonNode>> schemaOfType) {
        Map<String, Map<String, Set<String>>> categories = new LinkedHashMap<>();
        for (Catalogue catalogue : catalogues) {
            for (Category category : catalogue.categories().values()) {
                Map<String, Set<String>> fields = categories.computeIfAbsent(category.name(), c -> new LinkedHashMap<>());
                category.fields().forEach(field -> fields.putIfAbsent(field, null));
            }
            catalogue.events().forEach((type, category) -> {
                Map<String, Set<String>> fields = categories.get(category.name());
                JsonNode properties = schemaOfType.apply(type).map(s -> s.path("properties")).orElse(null);
                fields.replaceAll((field, known) -> merged(known, enumerated(properties, field)));
            });
        }
        categories.values().forEach(fields -> fields.replaceAll((field, values) -> values == null ? Set.of() : values));
        return new TriggerVocabulary(categories);
    }

    public boolean knowsCategory(String category) {
        return categories.containsKey(category);
    }

    public Set<String> categories() {
        return new TreeSet<>(categories.keySet());
    }

    public boolean knowsField(String category, String field) {
        return categories.getOrDefault(category, Map.of()).containsKey(field);
    }

    public Set<String> fields(String category) {
        return new TreeSet<>(categories.getOrDefault(category, Map.of()).keySet());
    }

    /** The values a field can take, in the order its schema lists them; empty when any value can. */
    public Set<String> values(String category, String field) {
        return categories.getOrDefault(category, Map.of()).getOrDefault(field, Set.of());
    }

    /** A field stays constrained only while every event type of its category constrains it. */
    private static Set<String> merged(Set<String> known, Set<String> more) {
        if (known == null) {
            return more;
        }
        if (known.isEmpty() || more.isEmpty()) {
            return Set.of();
        }
        Set<String> union = new LinkedHashSet<>(known);
        union.addAll(more);
        return union;
    }

    private static Set<String> enumerated(JsonNode properties, String field) {
        JsonNode property = properties == null ? null : properties.get(field);
        if (property == null) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        property.path("enum").forEach(value -> values.add(value.asText()));
        if (property.has("const")) {
            values.add(property.get("const").asText());
        }
        return values;
    }

    private static Optional<JsonNode> schema(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
