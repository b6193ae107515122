package org.interlock.agency.restriction;

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

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Restrictions of a person's records to named staff: {@code /api/v1/restrictions} (interlock.restrictions=true). */
@Path("/api/v1/restrictions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.restrictions", stringValue = "true")
public class RestrictionResource {

    private final RestrictionService restrictions;

    public RestrictionResource(RestrictionService restrictions) {
        this.restrictions = restrictions;
    }

    @POST
    @ResponseStatus(201)
    public Uni<RestrictionView> impose(@Valid @NotNull RestrictionRequests.Impose request) {
        return restrictions.impose(request);
    }

    @GET
    public Uni<List<RestrictionView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return restrictions.ofPerson(person);
    }

    @GET
    @Path("/{id}")
    public Uni<RestrictionView> find(@PathParam("id") UUID id) {
        return restrictions.find(id);
    }

    /** Lifting takes nothing but who acts (and the day): a body, if any, is not read. */
    @POST
    @Path("/{id}/lift")
    public Uni<RestrictionView> lift(@PathParam("id") UUID id) {
        return restrictions.lift(id);
    }
}
