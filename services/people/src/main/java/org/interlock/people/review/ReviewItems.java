package org.interlock.people.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.Resolution;
import org.interlock.platform.problem.ProblemException;

/** The review items in PostgreSQL: raised by matching, decided by identity managers. */
@ApplicationScoped
public class ReviewItems {

    private static final String COLUMNS = """
            id, kind, grade, status, person, candidate, score, identifier, detail, raised_by, raised_at, decided_by, decided_at,
            merge_id""";

    private final ObjectMapper json;

    public ReviewItems(ObjectMapper json) {
        this.json = json;
    }

    /** One item per proposal, in the order given; the asserter is recorded, since they may not decide it. */
    public Uni<List<UUID>> propose(SqlConnection c, IdentityRecord record, List<Proposal> proposals, String raisedBy) {
        if (proposals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        for (Proposal proposal : proposals) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(Tuple.from(new Object[] {id, record.person(), proposal.candidate(), UUID.fromString(record.recordId()),
                    proposal.score(), proposal.identifier(), proposal.detail(), proposal.grade(), raisedBy}));
        }
        return c.preparedQuery("""
                INSERT INTO review_item (id, kind, status, person, candidate, record_id, score, identifier, detail, grade,
                                         raised_by)
                VALUES ($1, 'CANDIDATE', 'OPEN', $2, $3, $4, $5, $6, $7, $8, $9)""").executeBatch(rows).replaceWith(ids);
    }

    /** The refused assertion is kept in the item as it was sent, to be filed if the item is confirmed. */
    public Uni<UUID> raiseConflict(SqlConnection c, IdentityRecord record, Resolution.Conflict conflict, String raisedBy) {
        UUID id = UUID.randomUUID();
        return c.preparedQuery("""
                INSERT INTO review_item (id, kind, status, person, candidate, identifier, detail, assertion, raised_by)
                VALUES ($1, 'CONFLICT', 'OPEN', $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(new Object[] {id, record.person(), conflict.existing().person(),
                        conflict.identifier().toString(), conflict.detail(), write(record), raisedBy}))
                .replaceWith(id);
    }

    public Uni<List<ReviewView>> list(SqlClient client, String status) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM review_item WHERE status = $1 ORDER BY raised_at, id LIMIT 500")
                .execute(Tuple.of(status))
                .map(rows -> {
                    List<ReviewView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    public Uni<ReviewView> find(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM review_item WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No review item " + id);
                    }
                    return view(rows.iterator().next());
                });
    }

    /** The open item, locked for its decision; an item already decided is a conflict. */
    public Uni<ReviewView> open(SqlConnection c, UUID id) {
        return c.preparedQuery("SELECT " + COLUMNS + " FROM review_item WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No review item " + id);
                    }
                    ReviewView item = view(rows.iterator().next());
                    if (!"OPEN".equals(item.status())) {
                        throw ProblemException.conflict("Review item " + id + " was already " + item.status().toLowerCase());
                    }
                    return item;
                });
    }

    /** The assertion a conflict item refused. */
    public Uni<IdentityRecord> refusedAssertion(SqlConnection c, UUID id) {
        return c.preparedQuery("SELECT assertion FROM review_item WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> read(rows.iterator().next().getString("assertion")));
    }

    public Uni<Void> decide(SqlConnection c, UUID id, String status, String by, UUID merge) {
        return c.preparedQuery("UPDATE review_item SET status = $2, decided_by = $3, decided_at = $4, merge_id = $5 WHERE id = $1")
                .execute(Tuple.from(new Object[] {id, status, by, OffsetDateTime.now(ZoneOffset.UTC), merge}))
                .replaceWithVoid();
    }

    private static ReviewView view(Row row) {
        return new ReviewView(row.getUUID("id"), row.getString("kind"), row.getString("grade"), row.getString("status"),
                row.getString("person"), row.getString("candidate"), row.getDouble("score"), row.getString("identifier"),
                row.getString("detail"), row.getString("raised_by"), row.getOffsetDateTime("raised_at"), row.getString("decided_by"), row.getOffsetDateTime("decided_at"),
                row.getUUID("merge_id"));
    }

    private String write(IdentityRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assertion cannot be written", e);
        }
    }

    private IdentityRecord read(String text) {
        try {
            return json.readValue(text, IdentityRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assertion cannot be read", e);
        }
    }
}
