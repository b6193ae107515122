package org.interlock.agency.intervention;

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

/** Interventions: {@code /api/v1/interventions} (services built with interlock.interventions=true). */
@Path("/api/v1/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.interventions", stringValue = "true")
public class InterventionResource {

    private final InterventionService interventions;

    public InterventionResource(InterventionService interventions) {
        this.interventions = interventions;
    }

    @POST
    @ResponseStatus(201)
    public Uni<InterventionView> arrange(@Valid @NotNull InterventionRequests.Arrange request) {
        return interventions.arrange(request);
    }

    @GET
    public Uni<List<InterventionView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return interventions.ofPerson(person);
    }

    @GET
    @Path("/{id}")
    public Uni<InterventionView> find(@PathParam("id") UUID id) {
        return interventions.find(id);
    }

    @GET
    @Path("/{id}/sessions")
    public Uni<List<InterventionView.SessionView>> sessions(@PathParam("id") UUID id) {
        return interventions.sessions(id);
    }

    @GET
    @Path("/{id}/participants")
    public Uni<List<InterventionView.ParticipantView>> participants(@PathParam("id") UUID id) {
        return interventions.participants(id);
    }

    @POST
    @Path("/{id}/sessions")
    @ResponseStatus(201)
    public Uni<InterventionView.SessionView> recordSession(@PathParam("id") UUID id,
            @Valid @NotNull InterventionRequests.Session request) {
        return interventions.recordSession(id, request);
    }

    @POST
    @Path("/{id}/outcome")
    public Uni<InterventionView> recordOutcome(@PathParam("id") UUID id,
            @Valid @NotNull InterventionRequests.Outcome request) {
        return interventions.recordOutcome(id, request);
    }

    @POST
    @Path("/{id}/participants/{participant}/withdraw-consent")
    public Uni<InterventionView.ParticipantView> withdrawConsent(@PathParam("id") UUID id, @PathParam("participant") UUID participant,
            @Valid @NotNull InterventionRequests.WithdrawConsent request) {
        return interventions.withdrawConsent(id, participant, request);
    }
}
