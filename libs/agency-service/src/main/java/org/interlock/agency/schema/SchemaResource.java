package org.interlock.agency.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.All;
import org.interlock.contracts.EventType;
import org.interlock.platform.problem.ProblemException;

/**
 * The published JSON Schema of every event type this service emits, so that recipients can
 * validate what they receive: {@code GET /schemas} lists them, {@code GET /schemas/{type}} serves one.
 * Schemas hold no personal data and need no token.
 */
@Path("/schemas")
public class SchemaResource {

    public record Entry(String type, String category, String classification, String schema) {
    }

    private final List<EventType> types = new ArrayList<>();

    public SchemaResource(@All List<EventCatalogue> catalogues) {
        catalogues.forEach(catalogue -> types.addAll(catalogue.types()));
        if (types.stream().map(EventType::name).distinct().count() != types.size()) {
            throw new IllegalStateException("An event type is declared by two event catalogues");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Entry> list() {
        return types.stream()
                .map(t -> new Entry(t.name(), t.category(), t.classification().label(), "/schemas/" + t.name()))
                .toList();
    }

    @GET
    @Path("/{type}")
    @Produces("application/schema+json")
    public Response schema(@PathParam("type") String type) throws IOException {
        EventType known = types.stream().filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("This service publishes no event type " + type));
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(known.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("Schema missing from the build: " + known.schemaResource());
            }
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
    }
}
