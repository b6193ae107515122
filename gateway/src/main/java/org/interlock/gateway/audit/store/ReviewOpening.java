package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;

/**
 * Opens a break-glass review for every access permitted by break-glass, in the transaction that
 * appends its record: whichever channel wrote the record, it is never durable without its review.
 * A decision asked of the policy API ({@code DECIDE}) is not an access and opens none.
 */
public final class ReviewOpening {

    /** The permit reason of a break-glass access, as Evidence writes it. */
    public static final String BREAK_GLASS = "break-glass";
    /** The actions by which someone saw or changed data: the ones a break-glass permit can open. */
    static final Set<Action> ACCESSES = Set.of(Action.DISCLOSE_REST, Action.CHANGE_REST, Action.ROUTE_EVENT,
            Action.PUSH_FEED);

    private static final String INSERT = "INSERT INTO audit.break_glass_reviews (disclosure, opened_at,"
            + " actor_subject, actor_agency, actor_org, person, reason) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private ReviewOpening() {
    }

    static boolean opensReview(AuditRecord record) {
        return ACCESSES.contains(record.action())
                && record.decision().outcome() == Decision.Outcome.PERMIT
                && BREAK_GLASS.equals(record.decision().reason())
                && record.breakGlassReason() != null;
    }

    static void open(Connection c, List<AuditRecord> sequenced) throws SQLException {
        List<AuditRecord> toReview = sequenced.stream().filter(ReviewOpening::opensReview).toList();
        if (toReview.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (AuditRecord record : toReview) {
                insert.setLong(1, record.sequence());
                insert.setTimestamp(2, Timestamp.from(record.time()));
                insert.setString(3, record.actor().subject());
                insert.setString(4, record.actor().agency());
                insert.setString(5, record.actor().org());
                insert.setString(6, record.resource() == null ? null : record.resource().person());
                insert.setString(7, record.breakGlassReason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
