package org.interlock.intelligence.threat;

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

/** Threat flags: {@code /api/v1/threat-flags}. */
@Path("/api/v1/threat-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreatFlagResource {

    private final ThreatFlagService flags;

    public ThreatFlagResource(ThreatFlagService flags) {
        this.flags = flags;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ThreatFlagService.View> raise(@Valid @NotNull ThreatFlagService.Raise request) {
        return flags.raise(request);
    }

    @POST
    @Path("/{id}/clear")
    public Uni<ThreatFlagService.View> clear(@PathParam("id") UUID id, @Valid @NotNull ThreatFlagService.Clear request) {
        return flags.clear(id, request);
    }

    @GET
    @Path("/{id}")
    public Uni<ThreatFlagService.View> find(@PathParam("id") UUID id) {
        return flags.find(id);
    }

    @GET
    public Uni<List<ThreatFlagService.View>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return flags.ofPerson(person);
    }
}
