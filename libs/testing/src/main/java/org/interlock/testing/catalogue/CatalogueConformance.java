package org.interlock.testing.catalogue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.CatalogueReader;
import org.interlock.contracts.catalogue.Category;
import org.interlock.contracts.catalogue.Operation;

/**
 * Whether a service's catalogue says what the service really does: every operation of its
 * OpenAPI document under {@code /api/v1} is in the catalogue with the same path and query
 * parameters, and every catalogue operation is served; every field a read answers with belongs to
 * a category of its record (else no one but nobody would ever see it); every event type it
 * publishes has the catalogue's category and classification, and its schema exactly the
 * category's fields. Used by each service's {@code CatalogueTest}.
 */
public final class CatalogueConformance {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private final Catalogue catalogue;
    private final List<String> mismatches = new ArrayList<>();

    private CatalogueConformance(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param openApi the service's {@code /q/openapi} as JSON
     * @param schemas the service's {@code /schemas} list (type, category, classification)
     * @param schema  the JSON Schema of an event type, by name
     * @return every mismatch found, in words; empty when the catalogue is true
     */
    public static List<String> mismatches(Agency agency, JsonNode openApi, JsonNode schemas,
            Function<String, JsonNode> schema) {
        Catalogue catalogue = CatalogueReader.fromClasspath(agency, Thread.currentThread().getContextClassLoader(),
                CatalogueReader.FOLDER);
        CatalogueConformance check = new CatalogueConformance(catalogue);
        check.operations(openApi);
        check.events(schemas, schema);
        return check.mismatches;
    }

    private void operations(JsonNode openApi) {
        Set<String> served = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : entries(openApi.path("paths"))) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    served.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    operation(method, path.getKey(), path.getValue(), operation, openApi);
                }
            }
        }
        for (Operation operation : catalogue.operations()) {
            String name = operation.method() + " /api/v1/" + operation.path().openApiPath();
            if (!served.contains(name)) {
                mismatches.add(name + " is in the catalogue but not served");
            }
        }
    }

    private void operation(String method, String path, JsonNode pathItem, JsonNode operation, JsonNode openApi) {
        String name = method.toUpperCase(Locale.ROOT) + " " + path;
        Operation declared = catalogue.operations().stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && path.equals("/api/v1/" + o.path().openApiPath()))
                .findFirst().orElse(null);
        if (declared == null) {
            mismatches.add(name + " is served but not in the catalogue: the gateway cannot reach it");
            return;
        }
        Set<String> query = new TreeSet<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        parameters.stream().filter(p -> "query".equals(p.path("in").asText())).forEach(p -> query.add(p.path("name").asText()));
        if (!query.equals(new TreeSet<>(declared.query().keySet()))) {
            mismatches.add(name + " takes query " + query + ", the catalogue declares " + new TreeSet<>(declared.query().keySet()));
        }
        if (declared.isRead()) {
            Set<String> answered = answerFields(operation, openApi);
            Set<String> held = new LinkedHashSet<>();
            declared.record().categories().forEach(category -> held.addAll(category.fields()));
            answered.removeAll(held);
            if (!answered.isEmpty()) {
                mismatches.add(name + " answers with fields no category of " + declared.record().name()
                        + " holds: " + answered);
            }
        }
    }

    private void events(JsonNode schemas, Function<String, JsonNode> schema) {
        Set<String> published = new TreeSet<>();
        for (JsonNode entry : schemas) {
            String type = entry.path("type").asText();
            published.add(type);
            Category category = catalogue.categoryOfEvent(type).orElse(null);
            if (category == null) {
                mismatches.add("event " + type + " is published but not in the catalogue");
                continue;
            }
            if (!category.name().equals(entry.path("category").asText())
                    || !category.classification().label().equals(entry.path("classification").asText())) {
                mismatches.add("event " + type + " is " + entry.path("category").asText() + "/"
                        + entry.path("classification").asText() + ", the catalogue says " + category.name() + "/"
                        + category.classification().label());
            }
            Set<String> properties = new TreeSet<>();
            schema.apply(type).path("properties").fieldNames().forEachRemaining(properties::add);
            if (!properties.equals(new TreeSet<>(category.fields()))) {
                mismatches.add("event " + type + " carries " + properties + ", its category " + category.name()
                        + " holds " + new TreeSet<>(category.fields()));
            }
        }
        catalogue.events().keySet().stream().filter(type -> !published.contains(type))
                .forEach(type -> mismatches.add("event " + type + " is in the catalogue but not published"));
    }

    /** The top-level fields of what a read answers with (each element, for a list). */
    private static Set<String> answerFields(JsonNode operation, JsonNode openApi) {
        JsonNode schema = resolve(operation.path("responses").path("200").path("content").path("application/json")
                .path("schema"), openApi);
        if ("array".equals(schema.path("type").asText())) {
            schema = resolve(schema.path("items"), openApi);
        }
        Set<String> fields = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode openApi) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return schema;
        }
        JsonNode target = openApi;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode mapping) {
        Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields();
        return () -> fields;
    }
}
