package org.interlock.probation.licence;

import java.util.List;
import java.util.UUID;

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

/** Licence conditions of a case: {@code /api/v1/supervision-cases/{id}/licence-conditions}. */
@Path("/api/v1/supervision-cases/{caseId}/licence-conditions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LicenceConditionResource {

    private final LicenceConditionService conditions;

    public LicenceConditionResource(LicenceConditionService conditions) {
        this.conditions = conditions;
    }

    @POST
    @ResponseStatus(201)
    public Uni<LicenceConditionService.View> impose(@PathParam("caseId") UUID caseId,
            @Valid @NotNull LicenceConditionService.Impose request) {
        return conditions.impose(caseId, request);
    }

    @GET
    public Uni<List<LicenceConditionService.View>> list(@PathParam("caseId") UUID caseId) {
        return conditions.ofCase(caseId);
    }
}
