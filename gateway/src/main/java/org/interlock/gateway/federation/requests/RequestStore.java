package org.interlock.gateway.federation.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.interlock.federation.envelope.Urgency;

/**
 * The requests for information ({@code federation.requests}, V7): inserted in the transaction of the audit
 * record of their sending or receipt, and changed only in their state, each change guarded by the state it
 * leaves, so that two replicas (or two clicks) cannot answer or escalate one request twice.
 */
@ApplicationScoped
public class RequestStore {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String COLUMNS = "id, direction, peer, request_id, person, purpose, urgency, justification,"
            + " asked, requester_subject, requester_agency, state, created_at, deadline, own_sequence, peer_sequence,"
            + " answer_sequence, answered_at, escalated_at";
    private static final String INSERT = "INSERT INTO federation.requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM federation.requests WHERE id = ?";
    private static final String BY_REQUEST = "SELECT " + COLUMNS + " FROM federation.requests"
            + " WHERE direction = ? AND peer = ? AND request_id = ?";
    private static final String OUTGOING = "SELECT " + COLUMNS + " FROM federation.requests"
            + " WHERE direction = 'outgoing' AND requester_agency = ? ORDER BY created_at DESC LIMIT ?";
    private static final String INCOMING = "SELECT " + COLUMNS + " FROM federation.requests"
            + " WHERE direction = 'incoming' ORDER BY deadline LIMIT ?";
    private static final String DUE = "SELECT " + COLUMNS + " FROM federation.requests WHERE escalated_at IS NULL"
            + " AND state IN ('sent', 'received') AND deadline <= ? ORDER BY deadline LIMIT ?";
    private static final String ANSWER = "UPDATE federation.requests SET state = ?, peer_sequence = coalesce(?,"
            + " peer_sequence), answer_sequence = ?, answered_at = ? WHERE id = ?"
            + " AND state IN ('sent', 'received', 'overdue')";
    private static final String ESCALATE = "UPDATE federation.requests SET state = 'overdue', escalated_at = ?,"
            + " escalation_sequence = ? WHERE id = ? AND escalated_at IS NULL AND state IN ('sent', 'received')";

    private final DataSource database;

    public RequestStore(DataSource database) {
        this.database = database;
    }

    /** A state change that found the request no longer in a state it may leave: rolls its transaction back. */
    public static final class StateChanged extends RuntimeException {
        StateChanged(UUID id) {
            super("request " + id + " changed state meanwhile", null, false, false);
        }
    }

    static void insert(Connection c, StoredRequest r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, r.id());
            s.setString(2, r.direction().code());
            s.setString(3, r.peer());
            s.setString(4, r.requestId());
            s.setString(5, r.person());
            s.setString(6, r.purpose());
            s.setString(7, r.urgency().code());
            s.setString(8, r.justification());
            s.setString(9, json(r.asked()));
            s.setString(10, r.requester() == null ? null : r.requester().subject());
            s.setString(11, r.requester() == null ? null : r.requester().agency());
            s.setString(12, r.state().code());
            s.setTimestamp(13, Timestamp.from(r.createdAt()));
            s.setTimestamp(14, Timestamp.from(r.deadline()));
            s.setLong(15, r.ownSequence());
            setLong(s, 16, r.peerSequence());
            setLong(s, 17, r.answerSequence());
            s.setTimestamp(18, r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()));
            s.setTimestamp(19, r.escalatedAt() == null ? null : Timestamp.from(r.escalatedAt()));
            s.executeUpdate();
        }
    }

    public Optional<StoredRequest> find(UUID id) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setObject(1, id);
            return one(s);
        }
    }

    /** The request a peer's envelope names, by the requester's id, in the receipt's transaction. */
    static Optional<StoredRequest> find(Connection c, Direction direction, String peer, String requestId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_REQUEST)) {
            s.setString(1, direction.code());
            s.setString(2, peer);
            s.setString(3, requestId);
            return one(s);
        }
    }

    /** The requests officers of {@code agency} sent, newest first. */
    public List<StoredRequest> outgoing(String agency, int limit) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(OUTGOING)) {
            s.setString(1, agency);
            s.setInt(2, limit);
            return all(s);
        }
    }

    /** The requests peers sent here, the nearest deadline first. */
    public List<StoredRequest> incoming(int limit) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(INCOMING)) {
            s.setInt(1, limit);
            return all(s);
        }
    }

    /** Unanswered requests whose deadline passed by {@code now} and that were not escalated yet. */
    public List<StoredRequest> due(Instant now, int limit) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(DUE)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            return all(s);
        }
    }

    /** Records the answer's outcome, or throws {@link StateChanged} when the request was answered meanwhile. */
    static void answered(Connection c, UUID id, RequestState outcome, Long peerSequence, long answerSequence,
            Instant at) throws SQLException {
        if (!outcome.answered()) {
            throw new IllegalArgumentException(outcome + " is not an answer's outcome");
        }
        try (PreparedStatement s = c.prepareStatement(ANSWER)) {
            s.setString(1, outcome.code());
            setLong(s, 2, peerSequence);
            s.setLong(3, answerSequence);
            s.setTimestamp(4, Timestamp.from(at));
            s.setObject(5, id);
            if (s.executeUpdate() != 1) {
                throw new StateChanged(id);
            }
        }
    }

    /** Marks the request overdue under escalation record {@code sequence}, or throws {@link StateChanged}. */
    static void escalated(Connection c, UUID id, long sequence, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ESCALATE)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setLong(2, sequence);
            s.setObject(3, id);
            if (s.executeUpdate() != 1) {
                throw new StateChanged(id);
            }
        }
    }

    private static Optional<StoredRequest> one(PreparedStatement s) throws SQLException {
        List<StoredRequest> found = all(s);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static List<StoredRequest> all(PreparedStatement s) throws SQLException {
        List<StoredRequest> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(row(rs));
            }
        }
        return found;
    }

    private static StoredRequest row(ResultSet rs) throws SQLException {
        String subject = rs.getString(10);
        return new StoredRequest(rs.getObject(1, UUID.class),
                Direction.fromCode(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), "urgent".equals(rs.getString(7)) ? Urgency.URGENT : Urgency.NOT_URGENT,
                rs.getString(8), asked(rs.getString(9)),
                subject == null ? null : new StoredRequest.Requester(subject, rs.getString(11)),
                RequestState.fromCode(rs.getString(12)).orElseThrow(), instant(rs, 13), instant(rs, 14),
                rs.getLong(15), longOrNull(rs, 16), longOrNull(rs, 17), instant(rs, 18), instant(rs, 19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static String json(Asked asked) {
        try {
            return JSON.writeValueAsString(asked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static Asked asked(String json) throws SQLException {
        try {
            return JSON.readValue(json, Asked.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("federation.requests.asked is not as written", e);
        }
    }
}
