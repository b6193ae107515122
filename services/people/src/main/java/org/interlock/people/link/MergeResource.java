package org.interlock.people.link;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.actor.Actor;
import org.interlock.people.outbox.OutboxRelay;
import org.interlock.platform.problem.ProblemException;

/** Merges: read one; undo one ({@code identity-manager} only, with a reason). */
@Path("/api/v1/merges")
public class MergeResource {

    public record Unmerge(@NotBlank @Size(max = 500) String reason) {
    }

    /** A merge as recorded; {@code unmergedAt} once undone. */
    public record MergeView(UUID id, String survivor, String merged, List<String> people, String reason, Double score,
            String decidedBy, OffsetDateTime mergedAt, OffsetDateTime unmergedAt, String unmergedBy) {
    }

    private final Pool pool;
    private final PersonLinks links;
    private final OutboxRelay relay;
    private final Actor actor;

    public MergeResource(Pool pool, PersonLinks links, OutboxRelay relay, Actor actor) {
        this.pool = pool;
        this.links = links;
        this.relay = relay;
        this.actor = actor;
    }

    @GET
    @Path("/{id}")
    public Uni<MergeView> find(@PathParam("id") UUID id) {
        return pool.preparedQuery("""
                SELECT id, survivor, merged, people, reason, score, decided_by, merged_at, unmerged_at, unmerged_by
                FROM merge WHERE id = $1""").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No merge " + id);
                    }
                    return view(rows.iterator().next());
                });
    }

    @POST
    @Path("/{id}/unmerge")
    public Uni<MergeView> unmerge(@PathParam("id") UUID id, @Valid @NotNull Unmerge request) {
        actor.requireIdentityManager();
        String by = actor.username();
        return pool.withTransaction(c -> links.unmerge(c, id, request.reason(), by))
                .invoke(relay::wake)
                .chain(() -> find(id));
    }

    private static MergeView view(Row row) {
        return new MergeView(row.getUUID("id"), row.getString("survivor"), row.getString("merged"),
                List.of(row.getArrayOfStrings("people")), row.getString("reason"), row.getDouble("score"),
                row.getString("decided_by"), row.getOffsetDateTime("merged_at"), row.getOffsetDateTime("unmerged_at"),
                row.getString("unmerged_by"));
    }
}
