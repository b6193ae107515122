package org.interlock.people.review;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.identity.IdentityService;
import org.interlock.people.identity.IdentityStore;
import org.interlock.people.link.PersonLinks;
import org.interlock.people.matching.Resolution.LinkReason;
import org.interlock.people.outbox.OutboxRelay;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * An identity manager's decisions. Confirming a candidate merges the record's person into the
 * candidate; confirming a conflict files the refused assertion beside the record it contradicted (both
 * dates of birth stay, each as its agency asserted it) and merges it the same way. Rejecting changes
 * nobody. Whoever asserted the record decides neither (ADR 0014, "Who links people").
 */
@ApplicationScoped
public class ReviewDecisions {

    private final Pool pool;
    private final ReviewItems items;
    private final IdentityStore store;
    private final PersonLinks links;
    private final OutboxRelay relay;

    public ReviewDecisions(Pool pool, ReviewItems items, IdentityStore store, PersonLinks links, OutboxRelay relay) {
        this.pool = pool;
        this.items = items;
        this.store = store;
        this.links = links;
        this.relay = relay;
    }

    public Uni<ReviewView> confirm(UUID id, String by) {
        return pool.withTransaction(c -> IdentityService.lock(c)
                .chain(() -> items.open(c, id))
                .invoke(item -> notTheAsserter(item, by))
                .call(item -> "CONFLICT".equals(item.kind()) ? fileRefused(c, id, by) : Uni.createFrom().voidItem())
                .chain(item -> mergeIfApart(c, item, by))
                .call(merge -> items.decide(c, id, "CONFIRMED", by, merge)))
                .invoke(relay::wake)
                .chain(merge -> items.find(pool, id));
    }

    public Uni<ReviewView> reject(UUID id, String by) {
        return pool.withTransaction(c -> items.open(c, id)
                        .invoke(item -> notTheAsserter(item, by))
                        .call(item -> items.decide(c, id, "REJECTED", by, null)))
                .chain(item -> items.find(pool, id));
    }

    /** Four eyes: whoever asserted the record decides nothing about it, confirming or rejecting. */
    private static void notTheAsserter(ReviewView item, String by) {
        if (by.equals(item.raisedBy())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Review item " + item.id() + " was raised by your own assertion: another identity manager decides it");
        }
    }

    private Uni<Void> fileRefused(SqlConnection c, UUID id, String by) {
        return items.refusedAssertion(c, id).chain(record -> store.file(c, record, by));
    }

    /** The merge the decision made; null when the two were one person already (another decision joined them). */
    private Uni<UUID> mergeIfApart(SqlConnection c, ReviewView item, String by) {
        return c.preparedQuery("SELECT reference, coalesce(merged_into, reference) AS root FROM person WHERE reference IN ($1, $2)")
                .execute(Tuple.of(item.person(), item.candidate()))
                .map(rows -> {
                    String[] roots = new String[2];
                    rows.forEach(row -> roots[row.getString("reference").equals(item.person()) ? 0 : 1] = row.getString("root"));
                    // A conflict about the very reference it contradicts: one row answers for both.
                    roots[1] = roots[1] == null ? roots[0] : roots[1];
                    return roots;
                })
                .chain(roots -> roots[0].equals(roots[1]) ? Uni.createFrom().nullItem()
                        : links.merge(c, roots[0], roots[1], LinkReason.CONFIRMED, item.score(), by));
    }
}
