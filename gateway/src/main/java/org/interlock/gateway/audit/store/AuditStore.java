package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;

/**
 * The audit records in PostgreSQL: appended in sequence, never changed. The runtime role may only
 * SELECT and INSERT here (V2__audit_log.sql), and each append holds the lock on the log's one state
 * row, so appends from every gateway replica form one sequence without gaps.
 */
@ApplicationScoped
public class AuditStore {

    /** Rows read per round trip when a caller walks a range of the log. */
    static final int CHUNK = 10_000;

    private static final String LOCK_NEXT = "SELECT next_sequence FROM audit.log_state WHERE id FOR UPDATE";
    private static final String SET_NEXT = "UPDATE audit.log_state SET next_sequence = ? WHERE id";
    private static final String INSERT = "INSERT INTO audit.records (sequence, recorded_at, actor_subject,"
            + " actor_agency, actor_org, action, outcome, person, consent, break_glass, leaf, leaf_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ROWS = "SELECT sequence, leaf, leaf_hash FROM audit.records";

    private final DataSource database;

    public AuditStore(DataSource database) {
        this.database = database;
    }

    /** What runs after an append, in its transaction: it sees the stored records and may still refuse them all. */
    @FunctionalInterface
    public interface InSameTransaction<T> {
        T run(Connection c, List<StoredRecord> stored) throws SQLException;
    }

    /**
     * Numbers the records with the next leaf indexes and stores them, all in one transaction: when
     * this returns they are durable; when it throws, none of them was stored. A break-glass access
     * among them opens its review in the same transaction ({@link ReviewOpening}).
     */
    public List<StoredRecord> append(List<AuditRecord> records) throws SQLException {
        return records.isEmpty() ? List.of() : append(records, (c, stored) -> stored);
    }

    /**
     * Appends as {@link #append(List)} does, then runs {@code then} before the commit, still holding the
     * log's lock: whatever it writes is durable with the records, and if it throws, nothing is stored.
     */
    public <T> T append(List<AuditRecord> records, InSameTransaction<T> then) throws SQLException {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AuditRecord> sequenced = new ArrayList<>(records.size());
                List<StoredRecord> stored = insert(c, lockNextSequence(c), records, sequenced);
                try (PreparedStatement next = c.prepareStatement(SET_NEXT)) {
                    next.setLong(1, stored.getLast().sequence() + 1);
                    next.executeUpdate();
                }
                ReviewOpening.open(c, sequenced);
                T result = then.run(c, stored);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static long lockNextSequence(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK_NEXT); ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit.log_state has no row: the migration did not run");
            }
            return rs.getLong(1);
        }
    }

    private static List<StoredRecord> insert(Connection c, long first, List<AuditRecord> records,
            List<AuditRecord> sequenced) throws SQLException {
        List<StoredRecord> stored = new ArrayList<>(records.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            long sequence = first;
            for (AuditRecord unsequenced : records) {
                AuditRecord record = unsequenced.withSequence(sequence);
                byte[] leaf = CanonicalEncoding.encode(record);
                NodeHash leafHash = TreeHasher.leafHash(leaf);
                bind(insert, record, leaf, leafHash);
                insert.addBatch();
                sequenced.add(record);
                stored.add(new StoredRecord(sequence++, leaf, leafHash));
            }
            insert.executeBatch();
        }
        return stored;
    }

    private static void bind(PreparedStatement insert, AuditRecord record, byte[] leaf, NodeHash leafHash)
            throws SQLException {
        insert.setLong(1, record.sequence());
        insert.setTimestamp(2, Timestamp.from(record.time()));
        insert.setString(3, record.actor().subject());
        insert.setString(4, record.actor().agency());
        insert.setString(5, record.actor().org());
        insert.setString(6, record.action().name());
        insert.setString(7, record.decision().outcome().name());
        insert.setString(8, record.resource() == null ? null : record.resource().person());
        insert.setString(9, record.consent());
        insert.setBoolean(10, record.breakGlassReason() != null);
        insert.setBytes(11, leaf);
        insert.setBytes(12, leafHash.toByteArray());
    }

    /** How many records the log holds: the next record's sequence. */
    public long size() throws SQLException {
        try (Connection c = database.getConnection()) {
            return size(c);
        }
    }

    static long size(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT next_sequence FROM audit.log_state WHERE id");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public Optional<StoredRecord> record(long sequence) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(ROWS + " WHERE sequence = ?")) {
            s.setLong(1, sequence);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Up to {@code limit} records matching {@code filter} after sequence {@code after}, in sequence order. */
    public List<StoredRecord> find(RecordFilter filter, long after, int limit) throws SQLException {
        Where where = Where.of(filter);
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        ROWS + " WHERE sequence > ?" + where.sql() + " ORDER BY sequence LIMIT ?")) {
            s.setLong(1, after);
            int next = where.bind(s, 2);
            s.setInt(next, limit);
            List<StoredRecord> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /**
     * Hands every record of {@code [from, to)} to {@code sink} in sequence order, reading in chunks;
     * a gap (a missing row) is an integrity failure, not something to skip.
     */
    public void forEach(long from, long to, Consumer<StoredRecord> sink) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        ROWS + " WHERE sequence >= ? AND sequence < ? ORDER BY sequence")) {
            for (long start = from; start < to; start += CHUNK) {
                long end = Math.min(to, start + CHUNK);
                s.setLong(1, start);
                s.setLong(2, end);
                long expected = start;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StoredRecord row = row(rs);
                        if (row.sequence() != expected) {
                            throw new AuditIntegrityException("record " + expected + " is missing from the log");
                        }
                        sink.accept(row);
                        expected++;
                    }
                }
                if (expected != end) {
                    throw new AuditIntegrityException("record " + expected + " is missing from the log");
                }
            }
        }
    }

    /** Refuses a range with rows missing, before anything of it is sent. */
    public void checkComplete(long from, long to) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM audit.records WHERE sequence >= ? AND sequence < ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long missing = (to - from) - rs.getLong(1);
                if (missing != 0) {
                    throw new AuditIntegrityException(missing + " records are missing from the log between "
                            + from + " and " + to);
                }
            }
        }
    }

    /** The stored leaf hashes of the first {@code size} records, for the Merkle tree. */
    public StoredLeaves leaves(long size) {
        return new StoredLeaves(database, size);
    }

    private static StoredRecord row(ResultSet rs) throws SQLException {
        byte[] hash = rs.getBytes(3);
        return new StoredRecord(rs.getLong(1), rs.getBytes(2), NodeHash.of(hash));
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is already broken; the pool discards it and the caller sees the first error.
        }
    }

    /** The WHERE clause of a filter: fixed SQL fragments, every value a bound parameter. */
    private record Where(String sql, List<Object> values) {

        static Where of(RecordFilter f) {
            StringBuilder sql = new StringBuilder();
            List<Object> values = new ArrayList<>();
            if (!f.persons().isEmpty()) {
                sql.append(" AND person = ANY (?)");
                values.add(f.persons().toArray(String[]::new));
            }
            add(sql, values, " AND actor_subject = ?", f.actor());
            add(sql, values, " AND actor_agency = ?", f.agency());
            add(sql, values, " AND actor_org = ?", f.org());
            add(sql, values, " AND consent = ?", f.consent());
            if (!f.actions().isEmpty()) {
                sql.append(" AND action = ANY (?)");
                values.add(f.actions().stream().map(Action::name).sorted().toArray(String[]::new));
            }
            add(sql, values, " AND outcome = ?", f.outcome() == null ? null : f.outcome().name());
            add(sql, values, " AND recorded_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
            add(sql, values, " AND recorded_at < ?", f.until() == null ? null : Timestamp.from(f.until()));
            add(sql, values, " AND break_glass = ?", f.breakGlass());
            return new Where(sql.toString(), values);
        }

        private static void add(StringBuilder sql, List<Object> values, String fragment, Object value) {
            if (value != null) {
                sql.append(fragment);
                values.add(value);
            }
        }

        int bind(PreparedStatement s, int first) throws SQLException {
            int index = first;
            for (Object value : values) {
                if (value instanceof String[] array) {
                    s.setArray(index++, s.getConnection().createArrayOf("text", array));
                } else if (value instanceof Timestamp time) {
                    s.setTimestamp(index++, time);
                } else if (value instanceof Boolean flag) {
                    s.setBoolean(index++, flag);
                } else if (value instanceof String text) {
                    s.setString(index++, text);
                } else {
                    s.setNull(index++, Types.NULL);
                }
            }
            return index;
        }
    }
}
