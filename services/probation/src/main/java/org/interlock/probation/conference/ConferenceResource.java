package org.interlock.probation.conference;

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

/** Case conferences: {@code /api/v1/conferences} and their actions, {@code /api/v1/conference-actions}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConferenceResource {

    private final ConferenceService conferences;

    public ConferenceResource(ConferenceService conferences) {
        this.conferences = conferences;
    }

    @POST
    @Path("/conferences")
    @ResponseStatus(201)
    public Uni<ConferenceView> convene(@Valid @NotNull ConferenceRequests.Convene request) {
        return conferences.convene(request);
    }

    @GET
    @Path("/conferences")
    public Uni<List<ConferenceView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return conferences.ofPerson(person);
    }

    @GET
    @Path("/conferences/{id}")
    public Uni<ConferenceView> find(@PathParam("id") UUID id) {
        return conferences.find(id);
    }

    @POST
    @Path("/conferences/{id}/cancel")
    public Uni<ConferenceView> cancel(@PathParam("id") UUID id, @Valid @NotNull ConferenceRequests.Cancel request) {
        return conferences.cancel(id, request);
    }

    @PUT
    @Path("/conferences/{id}/minutes")
    public Uni<ConferenceView> minute(@PathParam("id") UUID id, @Valid @NotNull ConferenceRequests.Minutes request) {
        return conferences.minute(id, request);
    }

    @POST
    @Path("/conferences/{id}/actions")
    @ResponseStatus(201)
    public Uni<ConferenceView.Action> assign(@PathParam("id") UUID id, @Valid @NotNull ConferenceRequests.Assign request) {
        return conferences.assign(id, request);
    }

    @GET
    @Path("/conferences/{id}/actions")
    public Uni<List<ConferenceView.Action>> actions(@PathParam("id") UUID id) {
        return conferences.actionsOf(id);
    }

    /**
     * The actions assigned to whoever reads: {@code assignee=me} and nothing else, "me" being the
     * caller the gateway vouches for (a read without its assertion is refused, 401). The gateway
     * still decides on each action it releases.
     */
    @GET
    @Path("/conference-actions")
    public Uni<List<ConferenceView.Action>> assignedToMe(@QueryParam("assignee") @NotNull
            @Pattern(regexp = "me", message = "must be me (the caller, never a name)") String assignee) {
        return conferences.assignedToCaller();
    }

    @GET
    @Path("/conference-actions/{id}")
    public Uni<ConferenceView.Action> action(@PathParam("id") UUID id) {
        return conferences.action(id);
    }

    @POST
    @Path("/conference-actions/{id}/complete")
    public Uni<ConferenceView.Action> complete(@PathParam("id") UUID id,
            @Valid @NotNull ConferenceRequests.Complete request) {
        return conferences.complete(id, request);
    }
}
