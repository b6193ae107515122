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
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

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
        requireOnce(uri, "organisation");
        requireOnce(uri, "person");
        return received.held(organisation, person);
    }

    /**
     * A repeated parameter is refused rather than read as its first value: the organisation is
     * whose copies are released, and a second value must not be able to shadow the one meant.
     */
    private static void requireOnce(UriInfo uri, String parameter) {
        List<String> values = uri.getQueryParameters().get(parameter);
        if (values != null && values.size() > 1) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Query parameter " + parameter + " is given more than once");
        }
    }
}
