package org.interlock.people.review;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import org.interlock.people.actor.Actor;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/** Review items: candidate links and conflicts, decided by an identity manager. */
@Path("/api/v1/reviews")
public class ReviewResource {

    private final Pool pool;
    private final ReviewItems items;
    private final ReviewDecisions decisions;
    private final Actor actor;

    public ReviewResource(Pool pool, ReviewItems items, ReviewDecisions decisions, Actor actor) {
        this.pool = pool;
        this.items = items;
        this.decisions = decisions;
        this.actor = actor;
    }

    @GET
    public Uni<List<ReviewView>> list(@QueryParam("status") @DefaultValue("OPEN") String status) {
        if (!List.of("OPEN", "CONFIRMED", "REJECTED").contains(status)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "status is OPEN, CONFIRMED or REJECTED");
        }
        return items.list(pool, status);
    }

    @GET
    @Path("/{id}")
    public Uni<ReviewView> find(@PathParam("id") UUID id) {
        return items.find(pool, id);
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<ReviewView> confirm(@PathParam("id") UUID id) {
        actor.requireIdentityManager();
        return decisions.confirm(id, actor.username());
    }

    @POST
    @Path("/{id}/reject")
    public Uni<ReviewView> reject(@PathParam("id") UUID id) {
        actor.requireIdentityManager();
        return decisions.reject(id, actor.username());
    }
}
