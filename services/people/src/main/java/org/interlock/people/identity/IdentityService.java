package org.interlock.people.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.config.PeopleConfig;
import org.interlock.people.link.PersonLinks;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.Resolution;
import org.interlock.people.matching.Resolver;
import org.interlock.people.outbox.OutboxRelay;
import org.interlock.people.review.ReviewItems;

/**
 * Asserts identities: matches each against the index and files it, links, proposes or refuses it, in
 * one transaction. Matching writes are serialised by an advisory lock, so that two assertions of one
 * person arriving together cannot both miss each other.
 */
@ApplicationScoped
public class IdentityService {

    /** "match" in ASCII. */
    private static final long MATCH_LOCK = 0x6D61746368L;

    private final Pool pool;
    private final IdentityStore store;
    private final PersonLinks links;
    private final ReviewItems reviews;
    private final OutboxRelay relay;
    private final Resolver resolver;

    public IdentityService(Pool pool, IdentityStore store, PersonLinks links, ReviewItems reviews, OutboxRelay relay,
            PeopleConfig config) {
        this.pool = pool;
        this.store = store;
        this.links = links;
        this.reviews = reviews;
        this.relay = relay;
        this.resolver = new Resolver(config.thresholds());
    }

    /** A conflicting assertion comes back as a {@link AssertionOutcome.Conflict}, its review item committed. */
    public Uni<AssertionOutcome> assertIdentity(IdentityRecord record, String by) {
        return pool.withTransaction(c -> lock(c)
                .chain(() -> resolve(c, record))
                .chain(resolution -> apply(c, record, resolution, by)))
                .invoke(relay::wake);
    }

    /** The same, inside a transaction that is already the caller's (an agency event being consumed). */
    public Uni<AssertionOutcome> assertIdentity(SqlConnection c, IdentityRecord record, String by) {
        return lock(c).chain(() -> resolve(c, record)).chain(resolution -> apply(c, record, resolution, by));
    }

    public static Uni<Void> lock(SqlConnection c) {
        return c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(MATCH_LOCK)).replaceWithVoid();
    }

    private Uni<Resolution> resolve(SqlConnection c, IdentityRecord record) {
        return store.sharing(c, record.identifiers())
                .chain(sharing -> store.candidates(c, record)
                        .chain(candidates -> store.roots(c, references(record, sharing, candidates))
                                .map(roots -> resolver.resolve(record, sharing, candidates,
                                        reference -> roots.getOrDefault(reference, reference)))));
    }

    private Uni<AssertionOutcome> apply(SqlConnection c, IdentityRecord record, Resolution resolution, String by) {
        UUID id = UUID.fromString(record.recordId());
        return switch (resolution) {
            case Resolution.Conflict conflict -> reviews.raiseConflict(c, record, conflict)
                    .map(review -> (AssertionOutcome) new AssertionOutcome.Conflict(review, conflict.detail()));
            case Resolution.Linked linked -> store.file(c, record, by)
                    .chain(() -> mergeAll(c, linked, by))
                    .map(merges -> view(id, record, linked.survivor(), "LINKED", merges, List.of()));
            case Resolution.Proposed proposed -> store.file(c, record, by)
                    .chain(() -> reviews.propose(c, record, proposed))
                    .map(raised -> view(id, record, record.person(), "PROPOSED", List.of(), raised));
            case Resolution.Unmatched unmatched -> store.file(c, record, by)
                    .map(ignored -> view(id, record, record.person(), "UNMATCHED", List.of(), List.of()));
        };
    }

    private Uni<List<UUID>> mergeAll(SqlConnection c, Resolution.Linked linked, String by) {
        List<UUID> merges = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String merged : linked.merged()) {
            Double score = linked.reason() == Resolution.LinkReason.AUTOMATIC_MATCH ? linked.score() : null;
            chain = chain.chain(() -> links.merge(c, merged, linked.survivor(), linked.reason(), score, by)
                    .invoke(merges::add).replaceWithVoid());
        }
        return chain.map(ignored -> merges);
    }

    private static AssertionOutcome view(UUID id, IdentityRecord record, String resolvesTo, String outcome, List<UUID> merges,
            List<UUID> reviews) {
        return new AssertionView(id, record.person(), resolvesTo, outcome, merges, reviews);
    }

    private static Set<String> references(IdentityRecord record, List<IdentityRecord> sharing,
            List<IdentityRecord> candidates) {
        Set<String> references = new HashSet<>();
        references.add(record.person());
        sharing.forEach(r -> references.add(r.person()));
        candidates.forEach(r -> references.add(r.person()));
        return references;
    }
}
