package org.interlock.people.link;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.contracts.PersonIndex;
import org.interlock.people.matching.Resolution.LinkReason;
import org.interlock.people.outbox.Outbox;
import org.interlock.platform.problem.ProblemException;

/**
 * Merges and unmerges people, inside the caller's transaction, each with its event through the outbox.
 * A merge points the merged person, and everyone already merged into it, at the survivor; an unmerge
 * points exactly those references back. An unmerge is refused while a later merge has moved the
 * survivor itself: that one is undone first, so undoing never guesses.
 */
@ApplicationScoped
public class PersonLinks {

    private final Outbox outbox;

    public PersonLinks(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<UUID> merge(SqlConnection c, String merged, String survivor, LinkReason reason, Double score, String by) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return c.preparedQuery("UPDATE person SET merged_into = $1 WHERE reference = $2 OR merged_into = $2 RETURNING reference")
                .execute(Tuple.of(survivor, merged))
                .map(rows -> {
                    List<String> people = new ArrayList<>();
                    rows.forEach(row -> people.add(row.getString("reference")));
                    return people.stream().sorted().toList();
                })
                .call(people -> c.preparedQuery("""
                        INSERT INTO merge (id, survivor, merged, people, reason, score, decided_by, merged_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                        .execute(Tuple.from(new Object[] {id, survivor, merged, people.toArray(String[]::new), reason.name(),
                                score, by, now})))
                .call(people -> outbox.append(c, PersonIndex.MERGED, survivor,
                        new PersonMerged(id, survivor, merged, people, reason.name(), score, by, now), by, resolving(people, true)))
                .replaceWith(id);
    }

    public Uni<PersonUnmerged> unmerge(SqlConnection c, UUID id, String reason, String by) {
        return c.preparedQuery("SELECT survivor, merged, people, unmerged_at FROM merge WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No merge " + id);
                    }
                    Row row = rows.iterator().next();
                    if (row.getOffsetDateTime("unmerged_at") != null) {
                        throw ProblemException.conflict("Merge " + id + " was already undone");
                    }
                    return new PersonUnmerged(id, row.getString("survivor"), row.getString("merged"),
                            List.of(row.getArrayOfStrings("people")), reason, by, OffsetDateTime.now(ZoneOffset.UTC));
                })
                .call(unmerge -> stillAsMerged(c, unmerge))
                .call(unmerge -> c.preparedQuery("""
                        UPDATE person SET merged_into = CASE WHEN reference = $1 THEN NULL ELSE $1 END
                        WHERE reference = ANY($2)""")
                        .execute(Tuple.of(unmerge.restored(), unmerge.people().toArray(String[]::new))))
                .call(unmerge -> c.preparedQuery("UPDATE merge SET unmerged_at = $2, unmerged_by = $3, unmerge_reason = $4 WHERE id = $1")
                        .execute(Tuple.of(id, unmerge.unmergedAt(), by, reason)))
                .call(unmerge -> outbox.append(c, PersonIndex.UNMERGED, unmerge.survivor(), unmerge, by,
                        restoring(unmerge)));
    }

    /** Every reference of the merge still resolves to its survivor, and the survivor to itself. */
    private static Uni<Void> stillAsMerged(SqlConnection c, PersonUnmerged unmerge) {
        return c.preparedQuery("""
                SELECT count(*) FILTER (WHERE merged_into = $1) AS moved,
                       count(*) FILTER (WHERE reference = $1 AND merged_into IS NULL) AS survivor
                FROM person WHERE reference = ANY($2) OR reference = $1""")
                .execute(Tuple.of(unmerge.survivor(), unmerge.people().toArray(String[]::new)))
                .map(rows -> rows.iterator().next())
                .invoke(row -> {
                    if (row.getLong("moved") != unmerge.people().size() || row.getLong("survivor") != 1) {
                        throw ProblemException.conflict("A later merge moved " + unmerge.survivor()
                                + " or the people merged into it: undo that merge first");
                    }
                })
                .replaceWithVoid();
    }

    private static Map<String, Boolean> resolving(List<String> people, boolean elsewhere) {
        Map<String, Boolean> links = new LinkedHashMap<>();
        people.forEach(reference -> links.put(reference, elsewhere));
        return links;
    }

    private static Map<String, Boolean> restoring(PersonUnmerged unmerge) {
        Map<String, Boolean> links = new LinkedHashMap<>();
        unmerge.people().forEach(reference -> links.put(reference, !reference.equals(unmerge.restored())));
        return links;
    }
}
