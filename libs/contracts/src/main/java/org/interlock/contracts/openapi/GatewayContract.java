package org.interlock.contracts.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.interlock.contracts.Agency;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.contracts.catalogue.CatalogueReader;
import org.interlock.contracts.catalogue.Operation;

/**
 * Writes the gateway's OpenAPI document for the agency APIs, at build time: every operation of
 * every service's catalogue, under {@code /api/v1/<agency>/}, typed with the service's own
 * request and answer schemas (renamed {@code <agency>.<Schema>}), and described as the gateway
 * serves it: the OIDC bearer token, the required {@code X-Purpose-Of-Use} (the policy's
 * purposes), {@code X-Break-Glass-Reason} on reads, and the problem answers the gateway gives.
 * Quarkus merges the file into the document served at {@code /q/openapi}.
 *
 * <p>Arguments: the output file, the policy file, the folder of catalogues, and where each
 * service's OpenAPI document is, with {@code {agency}} for the agency's id.
 */
public final class GatewayContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String PROBLEM = "#/components/schemas/Problem";

    private final List<String> purposes;
    private final ObjectNode document = JSON.createObjectNode();
    private final ObjectNode paths;
    private final ObjectNode schemas;

    private GatewayContract(List<String> purposes) {
        this.purposes = purposes;
        document.put("openapi", "3.1.0");
        this.paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        this.schemas = components.putObject("schemas");
        // The security scheme "oidc" itself is Quarkus's (quarkus.smallrye-openapi.security-scheme*).
        schemas.set("Problem", problemSchema());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: GatewayContract <output> <policy.yaml> <catalogues> <services/{agency}/openapi.json>");
        }
        List<String> purposes = new ArrayList<>();
        YAML.readTree(Path.of(args[1]).toFile()).path("purposes").forEach(p -> purposes.add(p.asText()));
        GatewayContract contract = new GatewayContract(purposes);
        for (Agency agency : Agency.values()) {
            Catalogue catalogue = CatalogueReader.read(agency, name -> read(Path.of(args[2], name + ".yaml")));
            Path document = Path.of(args[3].replace("{agency}", agency.id()));
            if (!Files.exists(document)) {
                throw new IllegalStateException(document + " is missing: build the agency services first"
                        + " (they write their OpenAPI documents at build time)");
            }
            JsonNode service = JSON.readTree(document.toFile());
            contract.add(agency, catalogue, service);
        }
        Files.createDirectories(Path.of(args[0]).toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), contract.document);
    }

    private void add(Agency agency, Catalogue catalogue, JsonNode service) {
        for (Map.Entry<String, JsonNode> schema : entries(service.path("components").path("schemas"))) {
            schemas.set(agency.id() + "." + schema.getKey(), renamed(schema.getValue().deepCopy(), agency));
        }
        for (Operation operation : catalogue.operations()) {
            String servicePath = "/api/v1/" + operation.path().openApiPath();
            JsonNode source = service.path("paths").path(servicePath).path(operation.method().toLowerCase(Locale.ROOT));
            if (source.isMissingNode()) {
                throw new IllegalStateException(agency.id() + " does not serve " + operation.method() + " " + servicePath);
            }
            ObjectNode item = paths.has("/api/v1/" + agency.id() + "/" + operation.path().openApiPath())
                    ? (ObjectNode) paths.get("/api/v1/" + agency.id() + "/" + operation.path().openApiPath())
                    : paths.putObject("/api/v1/" + agency.id() + "/" + operation.path().openApiPath());
            item.set(operation.method().toLowerCase(Locale.ROOT), operation(agency, operation, source));
        }
    }

    private ObjectNode operation(Agency agency, Operation operation, JsonNode source) {
        ObjectNode out = JSON.createObjectNode();
        out.putArray("tags").add(agency.id());
        out.put("operationId", agency.id() + "-" + operation.method().toLowerCase(Locale.ROOT) + "-"
                + operation.path().openApiPath().replaceAll("[{}]", "").replace('/', '-'));
        out.put("summary", summary(operation));
        ArrayNode parameters = out.putArray("parameters");
        for (JsonNode parameter : source.path("parameters")) {
            parameters.add(renamed(parameter.deepCopy(), agency));
        }
        addPathParameters(operation, parameters);
        parameters.add(header("X-Purpose-Of-Use", true, "Why the request is made: one of the policy's purposes",
                JSON.createObjectNode().put("type", "string").set("enum", JSON.valueToTree(purposes))));
        if (operation.isRead()) {
            parameters.add(header("X-Break-Glass-Reason", false, "An emergency reason (1-500 characters):"
                    + " reads outside the caseload where the policy lets the role break glass; always audited",
                    JSON.createObjectNode().put("type", "string").put("minLength", 1).put("maxLength", 500)));
        }
        parameters.add(header("X-Correlation-Id", false, "Carried to the service and into the audit record",
                JSON.createObjectNode().put("type", "string").put("maxLength", 128)));
        if (source.has("requestBody")) {
            out.set("requestBody", renamed(source.get("requestBody").deepCopy(), agency));
        }
        out.set("responses", responses(agency, operation, source.path("responses")));
        out.putArray("security").addObject().putArray("oidc");
        return out;
    }

    private ObjectNode responses(Agency agency, Operation operation, JsonNode source) {
        ObjectNode responses = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> response : entries(source)) {
            if (response.getKey().startsWith("2")) {
                responses.set(response.getKey(), renamed(response.getValue().deepCopy(), agency));
            }
        }
        problem(responses, "400", "Malformed request: path, query, purpose or headers outside the rules");
        problem(responses, "401", "No valid access token for audience interlock-gateway");
        problem(responses, "404", operation.isRead()
                ? "Not found, or not yours to see: the same answer" : "Not found");
        problem(responses, "422", "Validation failed");
        problem(responses, "429", "Too many requests: see Retry-After");
        problem(responses, "502", "The agency service's answer could not be decided on: nothing released");
        problem(responses, "503", "The agency service or the audit trail is unavailable: nothing released");
        if (!operation.isRead()) {
            problem(responses, "403", "Only the owning agency's staff may make this change");
            problem(responses, "409", "Conflict with the record's state");
            problem(responses, "413", "The body is larger than the limit");
        }
        return responses;
    }

    private static void problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
    }

    private static void addPathParameters(Operation operation, ArrayNode parameters) {
        for (String name : operation.path().params()) {
            boolean declared = false;
            for (JsonNode parameter : parameters) {
                declared |= "path".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText());
            }
            if (!declared) {
                ObjectNode parameter = parameters.addObject().put("name", name).put("in", "path").put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
        }
    }

    private static ObjectNode header(String name, boolean required, String description, JsonNode schema) {
        ObjectNode header = JSON.createObjectNode().put("name", name).put("in", "header").put("required", required)
                .put("description", description);
        header.set("schema", schema);
        return header;
    }

    private static String summary(Operation operation) {
        return operation.isRead()
                ? "Read " + operation.record().name() + " records, released as policy allows each category"
                : "Record " + operation.category().name() + " facts (the owning agency's staff)";
    }

    /** Every {@code #/components/schemas/X} reference becomes {@code #/components/schemas/<agency>.X}. */
    private static JsonNode renamed(JsonNode node, Agency agency) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", "#/components/schemas/" + agency.id() + "."
                        + ref.asText().substring("#/components/schemas/".length()));
            }
            object.fields().forEachRemaining(field -> renamed(field.getValue(), agency));
        } else if (node.isArray()) {
            node.forEach(element -> renamed(element, agency));
        }
        return node;
    }

    private static ObjectNode problemSchema() {
        ObjectNode problem = JSON.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem details; never a stack trace");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        ObjectNode errors = properties.putObject("errors").put("type", "array");
        ObjectNode error = errors.putObject("items").put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) error.get("properties")).putObject("message").put("type", "string");
        problem.putArray("required").add("type").add("title").add("status");
        return problem;
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readString(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode mapping) {
        Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields();
        return () -> fields;
    }
}
