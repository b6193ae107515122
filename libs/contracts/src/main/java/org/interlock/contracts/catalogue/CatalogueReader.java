package org.interlock.contracts.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/**
 * Reads an agency's catalogue from its parts: {@code <agency>.yaml}, the service's own, and the
 * parts it includes (e.g. {@code allocations.yaml}, shared by every agency service). A catalogue
 * that refers to something it does not declare, or declares something twice, does not load: the
 * message names the part and the entry.
 */
public final class CatalogueReader {

    /** Where parts live on a service's classpath. */
    public static final String FOLDER = "META-INF/interlock/catalogue/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "post", "put");

    private final Agency agency;
    private final Function<String, Optional<String>> parts;
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, RecordKind> records = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Category> events = new LinkedHashMap<>();

    /** @param parts the text of a part by name (without {@code .yaml}), empty when there is none */
    private CatalogueReader(Agency agency, Function<String, Optional<String>> parts) {
        this.agency = agency;
        this.parts = parts;
    }

    /** The agency's catalogue from a classpath folder holding {@code <agency>.yaml} and its includes. */
    public static Catalogue fromClasspath(Agency agency, ClassLoader loader, String folder) {
        return read(agency, name -> resource(loader, folder + name + ".yaml"));
    }

    /** @throws IllegalArgumentException naming the part and what is wrong */
    public static Catalogue read(Agency agency, Function<String, Optional<String>> parts) {
        CatalogueReader reader = new CatalogueReader(agency, parts);
        List<JsonNode> loaded = reader.loadWithIncludes(agency.id());
        loaded.forEach(reader::declareCategories);
        loaded.forEach(reader::declareRecords);
        loaded.forEach(reader::declareOperations);
        loaded.forEach(reader::declareEvents);
        reader.checkDecidedOn();
        return new Catalogue(agency, reader.categories, reader.records, reader.operations, reader.events);
    }

    private List<JsonNode> loadWithIncludes(String root) {
        List<JsonNode> loaded = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (!seen.add(name)) {
                continue;
            }
            String text = parts.apply(name).orElseThrow(() -> new IllegalArgumentException(
                    "catalogue part " + name + ".yaml not found"));
            JsonNode part = parse(name, text);
            for (JsonNode include : part.path("include")) {
                pending.add(include.asText());
            }
            loaded.add(part);
        }
        return loaded;
    }

    private static JsonNode parse(String name, String text) {
        try {
            JsonNode part = YAML.readTree(text);
            if (part == null || !part.isObject()) {
                throw new IllegalArgumentException("catalogue part " + name + ".yaml is not a mapping");
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) part).put("$part", name + ".yaml");
            return part;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("catalogue part " + name + ".yaml is not YAML: "
                    + e.getOriginalMessage());
        }
    }

    private void declareCategories(JsonNode part) {
        for (Map.Entry<String, JsonNode> entry : entries(part.path("categories"))) {
            String where = part.get("$part").asText() + ": category " + entry.getKey();
            JsonNode spec = entry.getValue();
            List<String> fields = texts(spec.path("fields"));
            require(!fields.isEmpty(), where, "declares no fields");
            require(new HashSet<>(fields).size() == fields.size(), where, "names a field twice");
            String person = spec.has("person") ? spec.get("person").asText() : fields.contains("person") ? "person" : null;
            String organisation = spec.path("organisation").asText(null);
            require(person == null || fields.contains(person), where, "names its person in a field it does not hold");
            require(organisation == null || fields.contains(organisation), where,
                    "names its organisation in a field it does not hold");
            Category.Handling handling = handling(spec.path("handling"), fields, where);
            String addressee = spec.path("addressee").asText(null);
            require(addressee == null || fields.contains(addressee), where,
                    "names its addressee in a field it does not hold");
            Map<String, String> terms = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> term : entries(spec.path("terms"))) {
                require(Category.TERMS.contains(term.getKey()), where, "names an unknown term '" + term.getKey()
                        + "' (one of " + new java.util.TreeSet<>(Category.TERMS) + ")");
                require(fields.contains(term.getValue().asText()), where, "takes term " + term.getKey()
                        + " from a field it does not hold");
                terms.put(term.getKey(), term.getValue().asText());
            }
            String ownClassification = spec.path("classificationField").asText(null);
            require(ownClassification == null || fields.contains(ownClassification), where,
                    "takes each record's classification from a field it does not hold");
            Category category = new Category(entry.getKey(), classification(spec.path("classification"), where),
                    fields, person, organisation, handling, addressee, terms, ownClassification,
                    derived(spec.path("derived"), fields, where));
            require(categories.putIfAbsent(category.name(), category) == null, where, "is declared twice");
        }
    }

    /** Each derived field, and the fields it repeats: all of them the category's own, none itself. */
    private static Map<String, List<String>> derived(JsonNode spec, List<String> fields, String where) {
        Map<String, List<String>> derived = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(spec)) {
            String field = entry.getKey();
            List<String> sources = texts(entry.getValue());
            require(fields.contains(field), where, "derives a field it does not hold: " + field);
            require(!sources.isEmpty(), where, "derives " + field + " from nothing");
            require(fields.containsAll(sources), where, "derives " + field + " from a field it does not hold");
            require(!sources.contains(field), where, "derives " + field + " from itself");
            derived.put(field, sources);
        }
        return derived;
    }

    private void declareRecords(JsonNode part) {
        for (Map.Entry<String, JsonNode> entry : entries(part.path("records"))) {
            String where = part.get("$part").asText() + ": record " + entry.getKey();
            List<RecordKind.Facet> facets = new ArrayList<>();
            for (JsonNode facet : entry.getValue().path("facets")) {
                String name = facet.isTextual() ? facet.asText() : facet.path("category").asText(null);
                facets.add(new RecordKind.Facet(category(name, where), condition(facet.path("when"), where)));
            }
            require(!facets.isEmpty(), where, "holds no category");
            require(records.putIfAbsent(entry.getKey(), new RecordKind(entry.getKey(), facets)) == null, where,
                    "is declared twice");
        }
    }

    private void declareOperations(JsonNode part) {
        for (JsonNode spec : part.path("operations")) {
            String method = METHODS.stream().filter(spec::has).findFirst().orElse(null);
            String where = part.get("$part").asText() + ": operation " + spec;
            require(method != null, where, "names no method (get, post or put)");
            PathTemplate path = template(spec.get(method).asText(), where);
            String kind = spec.path("record").asText(null);
            RecordKind record = records.get(kind);
            require(record != null, where, "answers with an undeclared record '" + kind + "'");
            Category category = null;
            PathTemplate decidedOn = null;
            boolean narrows = spec.path("narrows").asBoolean(false);
            require(!narrows || !"get".equals(method), where, "is a read and cannot narrow anything");
            if (!"get".equals(method)) {
                category = category(spec.path("category").asText(null), where);
                decidedOn = spec.has("decidedOn") ? template(spec.get("decidedOn").asText(), where) : null;
                require(decidedOn == null || path.params().containsAll(decidedOn.params()), where,
                        "decides on a record whose parameters its path does not give");
            }
            Operation operation = new Operation(method.toUpperCase(java.util.Locale.ROOT), path,
                    query(spec.path("query"), where), record, category, decidedOn, narrows);
            for (Operation other : operations) {
                require(!(other.method().equals(operation.method()) && other.path().shape().equals(path.shape())),
                        where, "has the same method and path shape as " + other.path());
            }
            operations.add(operation);
        }
    }

    /** A change to an existing record is decided on a read of that record: it must exist. */
    private void checkDecidedOn() {
        for (Operation operation : operations) {
            if (operation.decidedOn() != null) {
                require(operations.stream().anyMatch(o -> o.isRead()
                                && o.path().shape().equals(operation.decidedOn().shape())),
                        "operation " + operation.path(), "decides on " + operation.decidedOn() + ", which is no read");
            }
        }
    }

    private void declareEvents(JsonNode part) {
        for (Map.Entry<String, JsonNode> entry : entries(part.path("events"))) {
            // A part shared by every service names its events with {agency}.
            String type = entry.getKey().replace("{agency}", agency.id());
            String where = part.get("$part").asText() + ": event " + type;
            require(EventType.agencyOf(type) == agency, where, "is not an event type of " + agency.id());
            require(events.putIfAbsent(type, category(entry.getValue().asText(), where)) == null, where,
                    "is declared twice");
        }
    }

    private Category category(String name, String where) {
        Category category = name == null ? null : categories.get(name);
        require(category != null, where, "names an undeclared category '" + name + "'");
        return category;
    }

    private static Condition condition(JsonNode when, String where) {
        if (when.isMissingNode()) {
            return new Condition.Always();
        }
        if (when.has("present")) {
            return new Condition.AnyPresent(texts(when.get("present")));
        }
        String field = when.path("field").asText(null);
        require(field != null && (when.has("in") || when.has("notIn")), where,
                "has a condition that is neither {present: [...]} nor {field, in|notIn}");
        return when.has("in") ? new Condition.FieldIn(field, Set.copyOf(texts(when.get("in"))))
                : new Condition.FieldNotIn(field, Set.copyOf(texts(when.get("notIn"))));
    }

    private static Category.Handling handling(JsonNode spec, List<String> fields, String where) {
        if (spec.isMissingNode()) {
            return Category.Handling.NONE;
        }
        if (spec.has("code")) {
            return Category.Handling.fixed(spec.get("code").asText());
        }
        String field = spec.path("field").asText(null);
        require(field != null && fields.contains(field), where, "takes its handling code from a field it does not hold");
        return Category.Handling.fromField(field);
    }

    private static Map<String, Operation.QueryParam> query(JsonNode spec, String where) {
        Map<String, Operation.QueryParam> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(spec)) {
            String type = entry.getValue().asText();
            boolean optional = type.endsWith("?");
            try {
                query.put(entry.getKey(), new Operation.QueryParam(
                        ParamType.fromId(optional ? type.substring(0, type.length() - 1) : type), !optional));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return query;
    }

    private static PathTemplate template(String text, String where) {
        try {
            return PathTemplate.parse(text);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static Classification classification(JsonNode label, String where) {
        try {
            return Classification.fromLabel(label.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode mapping) {
        Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields();
        return () -> fields;
    }

    private static void require(boolean holds, String where, String problem) {
        if (!holds) {
            throw new IllegalArgumentException("catalogue " + where + " " + problem);
        }
    }

    private static Optional<String> resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("catalogue part " + path + " cannot be read: " + e.getMessage());
        }
    }
}
