package org.interlock.gateway.federation.received;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.conditions.OriginatorPermission;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.federation.conditions.ReceivedItem;
import org.interlock.gateway.federation.receive.PeerAttributes;

/** The items peers released to this deployment ({@code federation.received_items}, V6): stored once, never changed. */
@ApplicationScoped
public class ReceivedItemStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = "INSERT INTO federation.received_items (peer, item_id, seq, type, person,"
            + " category, classification, agreement, event, onward_to, ask_first, expires_at, received_at, receipt)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (peer, item_id) DO NOTHING";
    /** One permission of the originator's, spread over arrays in one order, so an item is read in one query. */
    private static final String PERMISSION = "(SELECT %s FROM federation.originator_permissions p"
            + " WHERE p.peer = i.peer AND p.item_id = i.item_id ORDER BY p.recipient, p.envelope_id)";
    private static final String COLUMNS = "SELECT peer, item_id, e.envelope_id, type, person, category, classification,"
            + " agreement, event, onward_to, ask_first, expires_at, i.receipt, r.revoked_at,"
            + " ARRAY(SELECT DISTINCT o.recipient FROM federation.onward_releases o"
            + " WHERE o.peer = i.peer AND o.item_id = i.item_id) AS passed_on,"
            + " ARRAY" + PERMISSION.formatted("p.recipient") + " AS permitted,"
            + " ARRAY" + PERMISSION.formatted("p.granted_at") + " AS granted_at,"
            + " ARRAY" + PERMISSION.formatted("p.until") + " AS until,"
            + " ARRAY" + PERMISSION.formatted("p.envelope_id") + " AS permitted_in"
            + " FROM federation.received_items i JOIN federation.received_envelopes e USING (peer, seq)"
            + " LEFT JOIN federation.revocations r USING (peer, item_id)";
    private static final String PASS_ON = "INSERT INTO federation.onward_releases (peer, item_id, recipient,"
            + " released_by, record) VALUES (?, ?, ?, ?, ?)";
    private static final String BY_PERSON = COLUMNS + " WHERE person = ? ORDER BY i.receipt";
    private static final String ONE = COLUMNS + " WHERE peer = ? AND item_id = ?";

    private final DataSource database;

    public ReceivedItemStore(DataSource database) {
        this.database = database;
    }

    /** Stores an item in the caller's transaction (the one storing its envelope); false if the peer sent it before. */
    static boolean insert(Connection c, String peer, long seq, ObjectNode event, HandlingConditions conditions,
            long receipt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, peer);
            s.setString(2, event.path("id").asText());
            s.setLong(3, seq);
            s.setString(4, event.path("type").asText());
            s.setString(5, event.path("subject").asText());
            s.setString(6, PeerAttributes.of(event, CloudEventExtensions.CATEGORY));
            s.setString(7, PeerAttributes.of(event, CloudEventExtensions.CLASSIFICATION));
            s.setString(8, PeerAttributes.of(event, CloudEventExtensions.AGREEMENT));
            s.setString(9, event.toString());
            s.setArray(10, c.createArrayOf("text", conditions.disseminateTo().stream().sorted().toArray()));
            s.setBoolean(11, conditions.requiresOriginatorPermission());
            s.setTimestamp(12, conditions.expiresAt().map(Timestamp::from).orElse(null));
            s.setTimestamp(13, Timestamp.from(Instant.now()));
            s.setLong(14, receipt);
            return s.executeUpdate() == 1;
        }
    }

    public List<HeldItem> about(String person) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(BY_PERSON)) {
            s.setString(1, person);
            return read(s);
        }
    }

    public Optional<HeldItem> one(String peer, String itemId) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(ONE)) {
            s.setString(1, peer);
            s.setString(2, itemId);
            return read(s).stream().findFirst();
        }
    }

    private static List<HeldItem> read(PreparedStatement s) throws SQLException {
        List<HeldItem> items = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Array onward = rs.getArray("onward_to");
                Timestamp expires = rs.getTimestamp("expires_at");
                HandlingConditions conditions = new HandlingConditions(Set.of((String[]) onward.getArray()),
                        rs.getBoolean("ask_first"), Optional.ofNullable(expires).map(Timestamp::toInstant));
                String peer = rs.getString("peer");
                String envelope = rs.getString("envelope_id");
                ReceivedItem item = new ReceivedItem(peer, envelope, conditions,
                        Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
                String itemId = rs.getString("item_id");
                items.add(new HeldItem(item, itemId, rs.getString("person"), rs.getString("type"),
                        rs.getString("category"), rs.getString("classification"), rs.getString("agreement"),
                        event(rs.getString("event")), rs.getLong("receipt"), permissions(rs, peer, envelope),
                        Set.of((String[]) rs.getArray("passed_on").getArray())));
            }
        }
        return items;
    }

    /** Records a passing on, in the transaction of its audit record {@code record}. */
    static void passOn(Connection c, HeldItem held, String recipient, String by, long record) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PASS_ON)) {
            s.setString(1, held.peer());
            s.setString(2, held.itemId());
            s.setString(3, recipient);
            s.setString(4, by);
            s.setLong(5, record);
            s.executeUpdate();
        }
    }

    /** The originator's permissions for the item, as {@link OriginatorPermission}s naming the envelope that carried it. */
    private static List<OriginatorPermission> permissions(ResultSet rs, String peer, String carriedIn)
            throws SQLException {
        String[] recipients = (String[]) rs.getArray("permitted").getArray();
        Timestamp[] granted = (Timestamp[]) rs.getArray("granted_at").getArray();
        Timestamp[] until = (Timestamp[]) rs.getArray("until").getArray();
        String[] envelopes = (String[]) rs.getArray("permitted_in").getArray();
        List<OriginatorPermission> permissions = new ArrayList<>(recipients.length);
        for (int i = 0; i < recipients.length; i++) {
            permissions.add(new OriginatorPermission(peer, carriedIn, recipients[i], granted[i].toInstant(),
                    Optional.ofNullable(until[i]).map(Timestamp::toInstant), envelopes[i]));
        }
        return permissions;
    }

    private static ObjectNode event(String json) throws SQLException {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("a received item's event is not JSON", e);
        }
    }
}
