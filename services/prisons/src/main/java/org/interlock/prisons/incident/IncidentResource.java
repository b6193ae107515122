package org.interlock.prisons.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Custody incidents: {@code /api/v1/incidents}. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentService incidents;

    public IncidentResource(IncidentService incidents) {
        this.incidents = incidents;
    }

    @POST
    @ResponseStatus(201)
    public Uni<IncidentService.View> record(@Valid @NotNull IncidentService.Report report) {
        return incidents.record(report);
    }

    @GET
    @Path("/{id}")
    public Uni<IncidentService.View> find(@PathParam("id") UUID id) {
        return incidents.find(id);
    }

    @GET
    public Uni<List<IncidentService.View>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return incidents.ofPerson(person);
    }
}
