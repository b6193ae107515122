package org.interlock.gateway.federation.send;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox rows ({@code federation.outbox}): inserted beside their audit record, read one peer's head at a
 * time, and updated only in their delivery state (V5 grants the runtime role nothing else).
 */
@ApplicationScoped
public class OutboxStore {

    /**
     * One envelope waiting for its peer: its seq (the audit record of its sending), the payload to sign, how often
     * it was tried, how many of the last tries in a row the peer refused it for what it is, and whom it is about
     * (null for an envelope about no person).
     */
    public record Pending(String peer, long seq, String payload, int attempts, int refusals, String person) {
    }

    private static final String INSERT = "INSERT INTO federation.outbox (peer, seq, payload, queued_at, next_attempt_at,"
            + " item_id, origin, origin_org, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SENT_ITEM = "SELECT origin, origin_org, person FROM federation.outbox"
            + " WHERE peer = ? AND item_id = ?";

    /**
     * An item the exchange released to a peer: which agency it came from (and which partner organisation, for a
     * record one owns), and whom it is about.
     */
    public record SentItem(String peer, String itemId, String origin, String originOrg, String person) {
    }
    private static final String QUEUED = "SELECT item_id FROM federation.outbox WHERE item_id = ANY (?)";
    private static final String PEERS_DUE = "SELECT DISTINCT peer FROM federation.outbox"
            + " WHERE delivered_at IS NULL AND abandoned_at IS NULL";
    /** A peer's head: its lowest pending seq, whether due or not (FIFO: nothing overtakes it). */
    private static final String HEAD = "SELECT seq, payload, attempts, next_attempt_at, refusals, person"
            + " FROM federation.outbox"
            + " WHERE peer = ? AND delivered_at IS NULL AND abandoned_at IS NULL ORDER BY seq LIMIT 1";
    private static final String DELIVERED = "UPDATE federation.outbox SET delivered_at = ?, receipt = ?,"
            + " attempts = attempts + 1, last_outcome = ? WHERE peer = ? AND seq = ? AND delivered_at IS NULL";
    private static final String FAILED = "UPDATE federation.outbox SET attempts = attempts + 1, next_attempt_at = ?,"
            + " last_outcome = ?, refusals = ? WHERE peer = ? AND seq = ? AND delivered_at IS NULL";
    private static final String ABANDONED = "UPDATE federation.outbox SET abandoned_at = ?, attempts = attempts + 1,"
            + " last_outcome = ? WHERE peer = ? AND seq = ? AND delivered_at IS NULL AND abandoned_at IS NULL";

    /**
     * Try to hold the peer's outbox for this transaction, keyed by the peer so that replicas of one gateway meet: the
     * two-key form, whose space never overlaps the sealer's one-key lock ("OUTB", then the peer's hash; two peers
     * whose hashes meet only take turns).
     */
    private static final int OUTBOX_LOCKS = 0x4f555442;
    private static final String LEASE = "SELECT pg_try_advisory_xact_lock(" + OUTBOX_LOCKS + ", hashtext(?))";
    /** A replica gone without a word (no FIN) lets go within this, as PostgreSQL ends its idle transaction. */
    private static final String LEASE_LIFETIME = "SET LOCAL idle_in_transaction_session_timeout = '60s'";
    private static final String STILL_HELD = "SELECT 1";

    private final DataSource database;

    /**
     * A peer's outbox held by this gateway replica while it delivers: a PostgreSQL advisory lock for the life of one
     * open transaction on a connection of its own. Two replicas never send the same head at once (the receiver
     * would answer the second already-received, but each would sign, send and count refusals). The lock ends with
     * the transaction: at close, or with the connection when a replica dies, so a crash never leaves a peer held.
     */
    public static final class Lease implements AutoCloseable {

        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        /**
         * Whether this replica still holds the peer, asked before each attempt: it also keeps the transaction from
         * idling out while the replica works. A session PostgreSQL ended (timeout, failover) no longer holds it.
         */
        public boolean stillHeld() {
            try (PreparedStatement s = connection.prepareStatement(STILL_HELD)) {
                s.executeQuery().close();
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }

    /** The peer's outbox for this replica to deliver, or empty while another replica delivers it. */
    public Optional<Lease> lease(String peer) throws SQLException {
        Connection c = database.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(LEASE)) {
                s.setString(1, peer);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        try (PreparedStatement lifetime = c.prepareStatement(LEASE_LIFETIME)) {
                            lifetime.execute();
                        }
                        return Optional.of(new Lease(c));
                    }
                }
            }
            c.rollback();
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    public OutboxStore(DataSource database) {
        this.database = database;
    }

    /** Inserts the row in the caller's transaction (the one appending the sending's audit record). */
    static void insert(Connection c, String peer, long seq, String payload, Instant now, ReleasedToPeer item)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, peer);
            s.setLong(2, seq);
            s.setString(3, payload);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, item == null ? null : item.id());
            s.setString(7, item == null ? null : item.event().origin().id());
            s.setString(8, item == null ? null : item.event().owningOrganisation());
            s.setString(9, item == null ? null : item.event().person());
            s.executeUpdate();
        }
    }

    /** The item released to {@code peer} under {@code itemId}, if one was. */
    public Optional<SentItem> sentItem(String peer, String itemId) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(SENT_ITEM)) {
            s.setString(1, peer);
            s.setString(2, itemId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new SentItem(peer, itemId, rs.getString(1), rs.getString(2),
                        rs.getString(3))) : Optional.empty();
            }
        }
    }

    /** Which of these released items are in the outbox already. */
    Set<String> queuedItems(List<String> itemIds) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(QUEUED)) {
            s.setArray(1, c.createArrayOf("text", itemIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                Set<String> queued = new HashSet<>();
                while (rs.next()) {
                    queued.add(rs.getString(1));
                }
                return queued;
            }
        }
    }

    public List<String> peersWithPending() throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(PEERS_DUE);
                ResultSet rs = s.executeQuery()) {
            List<String> peers = new ArrayList<>();
            while (rs.next()) {
                peers.add(rs.getString(1));
            }
            return peers;
        }
    }

    /** The peer's head if it is due at {@code now}; empty when there is none or it must wait. */
    public Optional<Pending> dueHead(String peer, Instant now) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(HEAD)) {
            s.setString(1, peer);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(4).toInstant().isAfter(now)) {
                    return Optional.empty();
                }
                return Optional.of(new Pending(peer, rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(5),
                        rs.getString(6)));
            }
        }
    }

    public void delivered(Pending pending, long receipt, String outcome, Instant now) throws SQLException {
        update(DELIVERED, s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, receipt);
            s.setString(3, outcome);
            s.setString(4, pending.peer());
            s.setLong(5, pending.seq());
        });
    }

    /** A try that failed; {@code refusals} is how many tries in a row, this one included, the peer refused it so. */
    public void failed(Pending pending, String outcome, int refusals, Instant retryAt) throws SQLException {
        update(FAILED, s -> {
            s.setTimestamp(1, Timestamp.from(retryAt));
            s.setString(2, outcome);
            s.setInt(3, refusals);
            s.setString(4, pending.peer());
            s.setLong(5, pending.seq());
        });
    }

    /** Gives the row up, in the transaction of the audit record that says so. */
    static void abandoned(Connection c, Pending pending, String outcome, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ABANDONED)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, outcome);
            s.setString(3, pending.peer());
            s.setLong(4, pending.seq());
            s.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(String sql, Binder binder) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        }
    }
}
