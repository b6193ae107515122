package org.interlock.prisons.assessment;

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

/** Structured extremism risk assessments: {@code /api/v1/risk-assessments}. */
@Path("/api/v1/risk-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RiskAssessmentResource {

    private final RiskAssessmentService assessments;

    public RiskAssessmentResource(RiskAssessmentService assessments) {
        this.assessments = assessments;
    }

    @POST
    @ResponseStatus(201)
    public Uni<RiskAssessmentService.View> assess(@Valid @NotNull RiskAssessmentService.Assess request) {
        return assessments.assess(request);
    }

    @GET
    public Uni<List<RiskAssessmentService.View>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return assessments.ofPerson(person);
    }
}
