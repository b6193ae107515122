package org.interlock.gateway.federation.receive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import org.interlock.federation.RefusalReason;
import org.interlock.federation.envelope.Envelope;

/**
 * The envelopes received, in PostgreSQL ({@code federation.received_envelopes}), and the rules that need them:
 * an envelope id is admitted once per peer, ever ({@code replayed}); a peer's sending — its audit sequence
 * number — is stored once, and a retry of it (re-signed, so with another id, but the same payload) is answered
 * as already received; otherwise a peer's sequence numbers must increase ({@code sequence-not-increasing}).
 * Runs inside the transaction that appends the acceptance's audit record, under the audit log's lock, so every
 * replica decides on the same rows and a refusal leaves neither the row nor the record.
 */
final class ReceivedEnvelopes {

    private static final String SAME_ID = "SELECT seq FROM federation.received_envelopes"
            + " WHERE peer = ? AND envelope_id = ?";
    private static final String SAME_SEQUENCE = "SELECT payload_sha256, receipt FROM federation.received_envelopes"
            + " WHERE peer = ? AND seq = ?";
    private static final String LAST_SEQUENCE = "SELECT max(seq) FROM federation.received_envelopes WHERE peer = ?";
    private static final String INSERT = "INSERT INTO federation.received_envelopes (peer, seq, envelope_id, key_id,"
            + " issued_at, received_at, payload_sha256, compact, receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Not admitted: rolls the transaction back. */
    static final class NotAdmitted extends RuntimeException {
        final RefusalReason reason;

        NotAdmitted(RefusalReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** The same sending was received before: rolls back, and is answered with the first receipt. */
    static final class AlreadyReceived extends RuntimeException {
        final long receipt;

        AlreadyReceived(long receipt) {
            super(null, null, false, false);
            this.receipt = receipt;
        }
    }

    private ReceivedEnvelopes() {
    }

    /** Stores the envelope as received under audit record {@code receipt}, or throws why not. */
    static void admit(Connection c, Envelope envelope, byte[] payloadSha256, String compact, long receipt)
            throws SQLException {
        String peer = envelope.senderPeer();
        String named = "envelope " + envelope.envelopeId() + " from peer " + peer + ", sequence "
                + envelope.auditSequence();
        if (exists(c, SAME_ID, peer, envelope.envelopeId())) {
            throw new NotAdmitted(RefusalReason.REPLAYED, named + ": this envelope id was received before");
        }
        try (PreparedStatement same = c.prepareStatement(SAME_SEQUENCE)) {
            same.setString(1, peer);
            same.setLong(2, envelope.auditSequence());
            try (ResultSet rs = same.executeQuery()) {
                if (rs.next()) {
                    if (Arrays.equals(rs.getBytes(1), payloadSha256)) {
                        throw new AlreadyReceived(rs.getLong(2));
                    }
                    throw new NotAdmitted(RefusalReason.SEQUENCE_NOT_INCREASING,
                            named + ": another envelope was received under this sequence");
                }
            }
        }
        long last = lastSequence(c, peer);
        if (envelope.auditSequence() <= last) {
            throw new NotAdmitted(RefusalReason.SEQUENCE_NOT_INCREASING,
                    named + ": not above the last sequence received, " + last);
        }
        insert(c, envelope, payloadSha256, compact, receipt);
    }

    private static boolean exists(Connection c, String query, String peer, String envelopeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, peer);
            s.setString(2, envelopeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long lastSequence(Connection c, String peer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_SEQUENCE)) {
            s.setString(1, peer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                return rs.wasNull() ? -1 : last;
            }
        }
    }

    private static void insert(Connection c, Envelope envelope, byte[] payloadSha256, String compact, long receipt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, envelope.senderPeer());
            s.setLong(2, envelope.auditSequence());
            s.setString(3, envelope.envelopeId());
            s.setString(4, envelope.keyId().toHex());
            s.setTimestamp(5, Timestamp.from(envelope.issuedAt()));
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.setBytes(7, payloadSha256);
            s.setString(8, compact);
            s.setLong(9, receipt);
            s.executeUpdate();
        }
    }
}
