package org.interlock.partners.intervention;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Sessions and outcomes of the interventions an organisation delivers: {@code /api/v1/interventions/{id}/...}. */
@Path("/api/v1/interventions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryService delivery;

    public DeliveryResource(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @POST
    @Path("/sessions")
    @ResponseStatus(201)
    public Uni<DeliveryRecord> session(@PathParam("id") UUID id, @Valid @NotNull DeliveryRequests.Session request) {
        return delivery.session(id, request);
    }

    @POST
    @Path("/outcome")
    @ResponseStatus(201)
    public Uni<DeliveryRecord> outcome(@PathParam("id") UUID id, @Valid @NotNull DeliveryRequests.Ending request) {
        return delivery.outcome(id, request);
    }
}
