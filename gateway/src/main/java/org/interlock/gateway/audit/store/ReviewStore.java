package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.AuditRecord;

/**
 * Break-glass reviews in PostgreSQL. They are opened by {@link AuditStore#append} with the
 * break-glass record; here they are read and closed. A verdict row is written in the transaction
 * that appends the verdict's audit record, under the log's lock, so a review has at most one
 * verdict and every verdict is in the log.
 */
@ApplicationScoped
public class ReviewStore {

    /** A review closed already: its first verdict stands. */
    public static final class AlreadyClosed extends RuntimeException {
        public AlreadyClosed(long disclosure) {
            super("the review of record " + disclosure + " is closed already", null, false, false);
        }
    }

    private static final String ROWS = "SELECT r.disclosure, r.opened_at, r.actor_subject, r.actor_agency,"
            + " r.actor_org, r.person, r.reason, v.verdict, v.note, v.decided_by, v.decided_at, v.record"
            + " FROM audit.break_glass_reviews r LEFT JOIN audit.break_glass_verdicts v USING (disclosure)";
    private static final String INSERT_VERDICT = "INSERT INTO audit.break_glass_verdicts (disclosure, verdict,"
            + " note, decided_by, decided_at, record) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource database;
    private final AuditStore log;

    public ReviewStore(DataSource database, AuditStore log) {
        this.database = database;
        this.log = log;
    }

    /**
     * Up to {@code limit} reviews after the one of record {@code after}, in order of their records;
     * {@code open} true: open only, false: closed only, null: both.
     */
    public List<StoredReview> find(Boolean open, long after, int limit) throws SQLException {
        String state = open == null ? "" : open ? " AND v.disclosure IS NULL" : " AND v.disclosure IS NOT NULL";
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        ROWS + " WHERE r.disclosure > ?" + state + " ORDER BY r.disclosure LIMIT ?")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            return rows(s);
        }
    }

    public Optional<StoredReview> find(long disclosure) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(ROWS + " WHERE r.disclosure = ?")) {
            s.setLong(1, disclosure);
            return rows(s).stream().findFirst();
        }
    }

    /** The reviews of those of the given records that have one, by record. */
    public Map<Long, StoredReview> of(Collection<Long> disclosures) throws SQLException {
        if (disclosures.isEmpty()) {
            return Map.of();
        }
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(ROWS + " WHERE r.disclosure = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", disclosures.toArray()));
            Map<Long, StoredReview> reviews = new HashMap<>();
            rows(s).forEach(review -> reviews.put(review.disclosure(), review));
            return reviews;
        }
    }

    /**
     * Closes the review with {@code verdict}: appends its audit record and the verdict row in one
     * transaction. Throws {@link AlreadyClosed} (and stores nothing) when a verdict was given first.
     */
    public StoredReview close(long disclosure, AuditRecord verdictRecord, String verdict, String note)
            throws SQLException {
        return log.append(List.of(verdictRecord), (c, stored) -> {
            // The log's lock is held: no other verdict can be appended between this check and the commit.
            StoredReview review = lockedReview(c, disclosure);
            if (!review.open()) {
                throw new AlreadyClosed(disclosure);
            }
            long record = stored.getFirst().sequence();
            try (PreparedStatement insert = c.prepareStatement(INSERT_VERDICT)) {
                insert.setLong(1, disclosure);
                insert.setString(2, verdict);
                insert.setString(3, note);
                insert.setString(4, verdictRecord.actor().subject());
                insert.setTimestamp(5, Timestamp.from(verdictRecord.time()));
                insert.setLong(6, record);
                insert.executeUpdate();
            }
            return new StoredReview(review.disclosure(), review.openedAt(), review.actorSubject(),
                    review.actorAgency(), review.actorOrg(), review.person(), review.reason(), verdict, note,
                    verdictRecord.actor().subject(), verdictRecord.time(), record);
        });
    }

    private static StoredReview lockedReview(Connection c, long disclosure) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ROWS + " WHERE r.disclosure = ?")) {
            s.setLong(1, disclosure);
            return rows(s).stream().findFirst().orElseThrow(() ->
                    new SQLException("the review of record " + disclosure + " vanished"));
        }
    }

    private static List<StoredReview> rows(PreparedStatement s) throws SQLException {
        List<StoredReview> reviews = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp decidedAt = rs.getTimestamp(11);
                long record = rs.getLong(12);
                reviews.add(new StoredReview(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), decidedAt == null ? null : decidedAt.toInstant(),
                        rs.wasNull() ? null : record));
            }
        }
        return reviews;
    }
}
