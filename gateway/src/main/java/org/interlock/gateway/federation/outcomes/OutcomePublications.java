package org.interlock.gateway.federation.outcomes;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which periods went to which peer ({@code federation.outcome_publications}, V10): a period goes to a peer once, and
 * none that overlaps one sent to it (a month inside a quarter, should the deployment change its kind of period), so
 * that no two of its tables can be subtracted. When two publications race, the primary key lets one through.
 */
@ApplicationScoped
public class OutcomePublications {

    private static final String OVERLAPPING = "SELECT 1 FROM federation.outcome_publications WHERE peer = ?"
            + " AND from_date < ? AND until_date > ?";
    private static final String INSERT = "INSERT INTO federation.outcome_publications (peer, period, from_date,"
            + " until_date, seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT (peer, period) DO NOTHING";

    private final DataSource database;

    public OutcomePublications(DataSource database) {
        this.database = database;
    }

    /** Whether the period, or one overlapping it, went to the peer. */
    public boolean published(String peer, Period period) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(OVERLAPPING)) {
            s.setString(1, peer);
            s.setDate(2, Date.valueOf(period.until()));
            s.setDate(3, Date.valueOf(period.from()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * In the transaction that queues the envelope {@code seq}.
     *
     * @throws SQLException when another publication of the period to the peer got there first: the transaction is
     *         rolled back and nothing is queued
     */
    static void insert(Connection c, String peer, Period period, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, peer);
            s.setString(2, period.code());
            s.setDate(3, Date.valueOf(period.from()));
            s.setDate(4, Date.valueOf(period.until()));
            s.setLong(5, seq);
            if (s.executeUpdate() == 0) {
                throw new SQLException("the period went to the peer meanwhile");
            }
        }
    }
}
