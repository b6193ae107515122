package org.interlock.partners.organisation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Partner organisations: {@code /api/v1/organisations}. */
@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService organisations;

    public OrganisationResource(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @POST
    @ResponseStatus(201)
    public Uni<OrganisationService.View> register(@Valid @NotNull OrganisationService.Register request) {
        return organisations.register(request);
    }

    @GET
    public Uni<List<OrganisationService.View>> list() {
        return organisations.list();
    }

    @GET
    @Path("/{id}")
    public Uni<OrganisationService.View> find(@PathParam("id") String id) {
        return organisations.find(id);
    }

    @POST
    @Path("/{id}/suspend")
    public Uni<OrganisationService.View> suspend(@PathParam("id") String id) {
        return organisations.suspend(id);
    }

    @POST
    @Path("/{id}/reinstate")
    public Uni<OrganisationService.View> reinstate(@PathParam("id") String id) {
        return organisations.reinstate(id);
    }
}
