package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Overdue break-glass reviews and the outbox of their alerts. Raising an alert is an insert that
 * at most one row per review can ever pass (the primary key), decided in the database, so however
 * many replicas check and however often they restart, a review is alerted once. Sending takes the
 * unsent rows under a row lock (SKIP LOCKED: replicas never send the same alert at once) and marks
 * each sent once the broker has acknowledged it.
 */
@ApplicationScoped
public class OverdueReviewStore {

    /** Sends one alert and returns once the broker has it; throws when it could not. */
    @FunctionalInterface
    public interface AlertSender {
        void send(OverdueAlert alert);
    }

    private static final String OVERDUE = " FROM audit.break_glass_reviews r"
            + " WHERE r.opened_at < now() - make_interval(secs => ?)"
            + " AND NOT EXISTS (SELECT 1 FROM audit.break_glass_verdicts v WHERE v.disclosure = r.disclosure)";
    private static final String RAISE = "INSERT INTO audit.break_glass_alerts (disclosure, event_id, agency, org,"
            + " raised_at) SELECT r.disclosure, gen_random_uuid(), r.actor_agency, r.actor_org, now()" + OVERDUE
            + " AND r.actor_agency IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM audit.break_glass_alerts a WHERE a.disclosure = r.disclosure)"
            + " ON CONFLICT (disclosure) DO NOTHING";
    private static final String UNSENT = "SELECT a.disclosure, a.event_id, a.agency, a.org, r.actor_subject,"
            + " r.opened_at, a.raised_at FROM audit.break_glass_alerts a"
            + " JOIN audit.break_glass_reviews r USING (disclosure)"
            + " WHERE a.sent_at IS NULL ORDER BY a.disclosure LIMIT ? FOR UPDATE OF a SKIP LOCKED";
    private static final String MARK_SENT = "UPDATE audit.break_glass_alerts SET sent_at = now() WHERE disclosure = ?";

    private final DataSource database;

    public OverdueReviewStore(DataSource database) {
        this.database = database;
    }

    /** How many reviews are open longer than {@code overdueAfter}. */
    public long countOverdue(Duration overdueAfter) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*)" + OVERDUE)) {
            s.setDouble(1, seconds(overdueAfter));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Puts an alert in the outbox for every review overdue and not alerted yet; returns how many. */
    public int raiseAlerts(Duration overdueAfter) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(RAISE)) {
            s.setDouble(1, seconds(overdueAfter));
            return s.executeUpdate();
        }
    }

    /**
     * Sends up to {@code limit} unsent alerts with {@code sender}, marking each sent in the same
     * transaction that holds its row lock. If the sender fails, the alerts sent before it stay
     * marked and the rest wait for the next call; returns how many were sent.
     */
    public int sendUnsent(int limit, AlertSender sender) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            int sent = 0;
            try {
                for (OverdueAlert alert : lockUnsent(c, limit)) {
                    sender.send(alert);
                    markSent(c, alert);
                    sent++;
                }
                c.commit();
                return sent;
            } catch (RuntimeException e) {
                // Keep the marks of what the broker already has; the failed one is sent again later.
                c.commit();
                throw e;
            } catch (SQLException e) {
                AuditStore.rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static List<OverdueAlert> lockUnsent(Connection c, int limit) throws SQLException {
        List<OverdueAlert> alerts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(UNSENT)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new OverdueAlert(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return alerts;
    }

    private static void markSent(Connection c, OverdueAlert alert) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_SENT)) {
            s.setLong(1, alert.disclosure());
            s.executeUpdate();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
