package org.interlock.people.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.interlock.people.config.PeopleConfig;
import org.interlock.people.matching.IdentityRecord;
import org.interlock.people.matching.Resolution;
import org.interlock.people.matching.Resolver;
import org.interlock.people.outbox.OutboxRelay;
import org.interlock.people.review.Proposal;
import org.interlock.people.review.ReviewItems;

/**
 * Asserts identities: matches each against the index and files it, proposes the links the matcher
 * found to an identity manager, or refuses it, in one transaction. It never joins two people itself:
 * the asserter chose what they asserted (ADR 0014, "Who links people"). Matching writes are
 * serialised by an advisory lock, so that two assertions of one person arriving together cannot
 * both miss each other.
 */
@ApplicationScoped
public class IdentityService {

    /** "match" in ASCII. */
    private static final long MATCH_LOCK = 0x6D61746368L;

    private final Pool pool;
    private final IdentityStore store;
    private final ReviewItems reviews;
    private final OutboxRelay relay;
    private final Resolver resolver;

    public IdentityService(Pool pool, IdentityStore store, ReviewItems reviews, OutboxRelay relay,
            PeopleConfig config) {
        this.pool = pool;
        this.store = store;
        this.reviews = reviews;
        this.relay = relay;
        this.resolver = new Resolver(config.thresholds());
    }

    /** What the matcher decided, with what it decided from. */
    private record Matched(Resolution resolution, List<IdentityRecord> sharing, UnaryOperator<String> rootOf) {
    }

    /** A conflicting assertion comes back as a {@link AssertionOutcome.Conflict}, its review item committed. */
    public Uni<AssertionOutcome> assertIdentity(IdentityRecord record, String by) {
        return pool.withTransaction(c -> lock(c)
                .chain(() -> resolve(c, record))
                .chain(matched -> apply(c, record, matched, by)))
                .invoke(relay::wake);
    }

    /** The same, inside a transaction that is already the caller's (an agency event being consumed). */
    public Uni<AssertionOutcome> assertIdentity(SqlConnection c, IdentityRecord record, String by) {
        return lock(c).chain(() -> resolve(c, record)).chain(matched -> apply(c, record, matched, by));
    }

    public static Uni<Void> lock(SqlConnection c) {
        return c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(MATCH_LOCK)).replaceWithVoid();
    }

    private Uni<Matched> resolve(SqlConnection c, IdentityRecord record) {
        return store.sharing(c, record.identifiers())
                .chain(sharing -> store.candidates(c, record)
                        .chain(candidates -> store.roots(c, references(record, sharing, candidates))
                                .map(roots -> {
                                    UnaryOperator<String> rootOf = reference -> roots.getOrDefault(reference, reference);
                                    return new Matched(resolver.resolve(record, sharing, candidates, rootOf), sharing,
                                            rootOf);
                                })));
    }

    /**
     * Files the record; whatever the matcher would join goes to an identity manager (ADR 0014, "Who
     * links people"), and the answer is the same whatever it found.
     */
    private Uni<AssertionOutcome> apply(SqlConnection c, IdentityRecord record, Matched matched, String by) {
        if (matched.resolution() instanceof Resolution.Conflict conflict) {
            return reviews.raiseConflict(c, record, conflict, by).map(review -> refused(record, conflict, review));
        }
        return store.file(c, record, by)
                .call(() -> reviews.propose(c, record, proposals(record, matched), by))
                .map(ignored -> AssertionView.recorded(UUID.fromString(record.recordId()), record.person()));
    }

    /**
     * A conflict is the asserter's to know only about an identifier their agency issues: about
     * anyone else's, a 409 would tell them that the index holds that identifier (for a PNC id: that
     * the person is known to the police here) with another date of birth, for any identifier they
     * try. Either way the assertion waits, unfiled, in the conflict's review item.
     */
    private static AssertionOutcome refused(IdentityRecord record, Resolution.Conflict conflict, UUID review) {
        return conflict.identifier().type().issuer().equals(record.sourceAgency())
                ? new AssertionOutcome.Conflict(review, conflict.detail())
                : AssertionView.recorded(UUID.fromString(record.recordId()), record.person());
    }

    private static List<Proposal> proposals(IdentityRecord record, Matched matched) {
        return switch (matched.resolution()) {
            case Resolution.Linked linked -> Proposal.of(linked, record, matched.sharing(), matched.rootOf());
            case Resolution.Proposed proposed -> proposed.candidates().stream().map(Proposal::of).toList();
            case Resolution.Unmatched unmatched -> List.of();
            case Resolution.Conflict conflict -> throw new IllegalArgumentException("a conflict proposes nothing");
        };
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
