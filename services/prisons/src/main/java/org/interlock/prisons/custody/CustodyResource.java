package org.interlock.prisons.custody;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Custody episodes: {@code /api/v1/custody-episodes}. */
@Path("/api/v1/custody-episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustodyResource {

    private final CustodyService custody;

    public CustodyResource(CustodyService custody) {
        this.custody = custody;
    }

    @POST
    @ResponseStatus(201)
    public Uni<CustodyView> receive(@Valid @NotNull CustodyRequests.Receive request) {
        return custody.receive(request);
    }

    @GET
    @Path("/{id}")
    public Uni<CustodyView> find(@PathParam("id") UUID id) {
        return custody.find(id);
    }

    @GET
    public Uni<List<CustodyView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return custody.ofPerson(person);
    }

    @POST
    @Path("/{id}/transfers")
    public Uni<CustodyView> transfer(@PathParam("id") UUID id, @Valid @NotNull CustodyRequests.Transfer request) {
        return custody.transfer(id, request);
    }

    @PUT
    @Path("/{id}/release-date")
    public Uni<CustodyView> setReleaseDate(@PathParam("id") UUID id,
            @Valid @NotNull CustodyRequests.SetReleaseDate request) {
        return custody.setReleaseDate(id, request);
    }

    @POST
    @Path("/{id}/release")
    public Uni<CustodyView> release(@PathParam("id") UUID id, @Valid @NotNull CustodyRequests.Release request) {
        return custody.release(id, request);
    }

    @PUT
    @Path("/{id}/security-category")
    public Uni<CustodyView> setSecurityCategory(@PathParam("id") UUID id,
            @Valid @NotNull CustodyRequests.SetSecurityCategory request) {
        return custody.setSecurityCategory(id, request);
    }
}
