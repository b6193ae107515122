package org.interlock.probation.supervision;

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

/** Supervision cases: {@code /api/v1/supervision-cases}. */
@Path("/api/v1/supervision-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService cases;

    public CaseResource(CaseService cases) {
        this.cases = cases;
    }

    @POST
    @ResponseStatus(201)
    public Uni<CaseView> open(@Valid @NotNull CaseRequests.Open request) {
        return cases.open(request);
    }

    @GET
    @Path("/{id}")
    public Uni<CaseView> find(@PathParam("id") UUID id) {
        return cases.find(id);
    }

    @GET
    public Uni<List<CaseView>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return cases.ofPerson(person);
    }

    @PUT
    @Path("/{id}/mappa")
    public Uni<CaseView> setMappa(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.SetMappa request) {
        return cases.setMappa(id, request);
    }

    @POST
    @Path("/{id}/breaches")
    public Uni<CaseView> recordBreach(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.RecordBreach request) {
        return cases.recordBreach(id, request);
    }

    @POST
    @Path("/{id}/recall")
    public Uni<CaseView> recall(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Recall request) {
        return cases.recall(id, request);
    }

    @POST
    @Path("/{id}/close")
    public Uni<CaseView> close(@PathParam("id") UUID id, @Valid @NotNull CaseRequests.Close request) {
        return cases.close(id, request);
    }
}
