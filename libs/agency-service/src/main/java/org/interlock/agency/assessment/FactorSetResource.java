package org.interlock.agency.assessment;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.platform.problem.ProblemException;

/** The factor sets this service rates against, read-only: {@code /api/v1/factor-sets}. */
@Path("/api/v1/factor-sets")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "interlock.assessments", stringValue = "true")
public class FactorSetResource {

    private final FactorSets sets;

    public FactorSetResource(FactorSets sets) {
        this.sets = sets;
    }

    @GET
    public List<FactorSet> all() {
        return sets.all();
    }

    @GET
    @Path("/{id}/{version}")
    public FactorSet find(@PathParam("id") String id, @PathParam("version") int version) {
        return sets.find(id, version).orElseThrow(() -> ProblemException.notFound("No factor set " + id + " version " + version));
    }
}
