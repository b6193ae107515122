package org.interlock.partners.received;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.organisation.Organisation;
import org.interlock.partners.web.SingleValued;

/** What the gateway routed to a partner organisation: {@code /api/v1/received-events}. */
@Path("/api/v1/received-events")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedEventResource {

    private final ReceivedEventService received;

    public ReceivedEventResource(ReceivedEventService received) {
        this.received = received;
    }

    @GET
    public Uni<List<ReceivedEventView>> held(
            @QueryParam("organisation") @NotNull
            @Pattern(regexp = Organisation.ID_REGEX, message = "must be an organisation id") String organisation,
            @QueryParam("person") @NotNull
            @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @Context UriInfo uri) {
        SingleValued.require(uri, "organisation", "person");
        return received.held(organisation, person);
    }
}
