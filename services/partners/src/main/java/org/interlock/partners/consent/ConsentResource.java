package org.interlock.partners.consent;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** The consent registry: {@code /api/v1/consents}. */
@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ConsentView> grant(@Valid @NotNull ConsentRequests.Grant request) {
        return consents.grant(request);
    }

    @GET
    @Path("/{id}")
    public Uni<ConsentView> find(@PathParam("id") UUID id) {
        return consents.find(id);
    }

    @GET
    public Uni<List<ConsentView>> ofPerson(
            @QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @QueryParam("active") @DefaultValue("false") boolean activeOnly) {
        return consents.ofPerson(person, activeOnly);
    }

    @POST
    @Path("/{id}/withdraw")
    public Uni<ConsentView> withdraw(@PathParam("id") UUID id, @Valid @NotNull ConsentRequests.Withdraw request) {
        return consents.withdraw(id, request);
    }
}
