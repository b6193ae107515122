package org.interlock.agency.allocation;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Who in this agency is allocated to whom: {@code /api/v1/allocations}. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllocationResource {

    private final AllocationService allocations;

    public AllocationResource(AllocationService allocations) {
        this.allocations = allocations;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AllocationView> allocate(@Valid @NotNull AllocationRequests.Allocate request) {
        return allocations.allocate(request);
    }

    @POST
    @Path("/{id}/end")
    public Uni<AllocationView> end(@PathParam("id") UUID id, @Valid @NotNull AllocationRequests.End request) {
        return allocations.end(id, request);
    }

    @GET
    @Path("/{id}")
    public Uni<AllocationView> find(@PathParam("id") UUID id) {
        return allocations.find(id);
    }

    /** Allocations of one person or of one member of staff: exactly one of the two is required. */
    @GET
    public Uni<List<AllocationView>> list(@QueryParam("person") String person, @QueryParam("staff") String staff) {
        if ((person == null) == (staff == null)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Give exactly one of the query parameters person or staff");
        }
        return person != null ? allocations.ofPerson(person) : allocations.ofStaff(staff);
    }
}
