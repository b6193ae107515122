package org.interlock.agency.plan;

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

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Sentence plans: {@code /api/v1/sentence-plans} (services built with interlock.sentence-plans=true). */
@Path("/api/v1/sentence-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.sentence-plans", stringValue = "true")
public class PlanResource {

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    /** The next version of the person's plan, with its reason; the first makes the plan. */
    @POST
    @ResponseStatus(201)
    public Uni<PlanView> revise(@Valid @NotNull PlanRequests.Revise request) {
        return plans.revise(request);
    }

    /** Every version of the person's plan made here, oldest first. */
    @GET
    public Uni<List<PlanView>> history(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return plans.history(person);
    }
}
