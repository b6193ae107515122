package org.interlock.partners.activity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Partner activity reports: {@code /api/v1/activities}. */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService activities;

    public ActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ActivityService.View> report(@Valid @NotNull ActivityService.Report request) {
        return activities.report(request);
    }

    @GET
    public Uni<List<ActivityService.View>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return activities.ofPerson(person);
    }
}
