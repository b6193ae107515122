package org.interlock.probation.appointment;

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

/** Appointments of a case: {@code /api/v1/supervision-cases/{id}/appointments}. */
@Path("/api/v1/supervision-cases/{caseId}/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private final AppointmentService appointments;

    public AppointmentResource(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AppointmentService.View> record(@PathParam("caseId") UUID caseId,
            @Valid @NotNull AppointmentService.Record request) {
        return appointments.record(caseId, request);
    }

    @GET
    public Uni<List<AppointmentService.View>> list(@PathParam("caseId") UUID caseId) {
        return appointments.ofCase(caseId);
    }
}
