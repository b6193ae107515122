package org.interlock.intelligence.report;

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

/** Intelligence reports: {@code /api/v1/reports}. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @POST
    @ResponseStatus(201)
    public Uni<ReportService.View> file(@Valid @NotNull ReportService.File request) {
        return reports.file(request);
    }

    @GET
    @Path("/{id}")
    public Uni<ReportService.View> find(@PathParam("id") UUID id) {
        return reports.find(id);
    }

    @GET
    public Uni<List<ReportService.View>> ofPerson(@QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person) {
        return reports.ofPerson(person);
    }

    @POST
    @Path("/{id}/sanitised-summary")
    public Uni<ReportService.View> releaseSummary(@PathParam("id") UUID id,
            @Valid @NotNull ReportService.ReleaseSummary request) {
        return reports.releaseSummary(id, request);
    }
}
