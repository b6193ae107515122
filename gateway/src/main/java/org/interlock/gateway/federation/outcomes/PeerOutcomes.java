package org.interlock.gateway.federation.outcomes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.interlock.federation.outcomes.PublishedCell;

/**
 * What peers published ({@code federation.peer_outcomes}, V9): one table per peer and period, replaced by a later
 * publication of the same period (a later sending: the peer's sequence only grows). Blocking (JDBC).
 */
@ApplicationScoped
public class PeerOutcomes {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String UPSERT = "INSERT INTO federation.peer_outcomes (peer, period, peer_sequence,"
            + " receipt_sequence, published_at, cells) VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (peer, period)"
            + " DO UPDATE SET peer_sequence = EXCLUDED.peer_sequence, receipt_sequence = EXCLUDED.receipt_sequence,"
            + " published_at = EXCLUDED.published_at, cells = EXCLUDED.cells"
            + " WHERE federation.peer_outcomes.peer_sequence < EXCLUDED.peer_sequence";
    private static final String FOR_PERIOD = "SELECT peer, published_at, cells FROM federation.peer_outcomes"
            + " WHERE period = ? ORDER BY peer";

    /** One peer's table for a period, as it published it. */
    public record Published(String peer, Instant publishedAt, List<PublishedCell> cells) {
    }

    private final DataSource database;

    public PeerOutcomes(DataSource database) {
        this.database = database;
    }

    static void store(Connection c, String peer, OutcomesEnvelopes.PeerTable table, long peerSequence,
            long receipt) throws SQLException {
        ArrayNode cells = OutcomesEnvelopes.cells(table.cells());
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, peer);
            s.setString(2, table.period().code());
            s.setLong(3, peerSequence);
            s.setLong(4, receipt);
            s.setTimestamp(5, Timestamp.from(table.publishedAt()));
            s.setString(6, cells.toString());
            s.executeUpdate();
        }
    }

    public List<Published> forPeriod(Period period) throws SQLException {
        List<Published> tables = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(FOR_PERIOD)) {
            s.setString(1, period.code());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(new Published(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            cells(period, rs.getString(3))));
                }
            }
        }
        return tables;
    }

    private static List<PublishedCell> cells(Period period, String stored) throws SQLException {
        try {
            List<PublishedCell> cells = new ArrayList<>();
            for (JsonNode cell : JSON.readTree(stored)) {
                cells.add(new PublishedCell(cell.path("interventionType").asText(), period.code(),
                        cell.path("outcome").asText(), cell.has("count") ? OptionalLong.of(cell.path("count").asLong())
                        : OptionalLong.empty()));
            }
            return cells;
        } catch (java.io.IOException e) {
            throw new SQLException("a stored outcomes table is not JSON", e);
        }
    }
}
