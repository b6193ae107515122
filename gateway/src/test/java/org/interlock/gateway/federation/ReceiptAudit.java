package org.interlock.gateway.federation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;

/** The RECEIVE_ENVELOPE records of the gateway's audit log, read from its database as stored (the leaves). */
final class ReceiptAudit {

    private ReceiptAudit() {
    }

    /** The sequence the next record will have: read before, to find what a test's request recorded. */
    static long mark() {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT next_sequence FROM audit.log_state");
    }

    /** The receipt records appended since {@code mark}, in order. */
    static List<AuditRecord> since(long mark) {
        List<AuditRecord> records = new ArrayList<>();
        for (byte[] leaf : leavesSince(mark)) {
            String text = new String(leaf, StandardCharsets.UTF_8);
            if (text.contains(FederationKeys.PAYLOAD_TEXT)) {
                throw new AssertionError("an audit record holds payload content: " + text);
            }
            records.add(CanonicalEncoding.decode(leaf));
        }
        return records;
    }

    private static List<byte[]> leavesSince(long mark) {
        try (Connection c = TestDatabase.connect(GatewayResource.DATABASE, "postgres");
                PreparedStatement s = c.prepareStatement("SELECT leaf FROM audit.records"
                        + " WHERE action = 'RECEIVE_ENVELOPE' AND sequence >= ? ORDER BY sequence")) {
            s.setLong(1, mark);
            List<byte[]> leaves = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getBytes(1));
                }
            }
            return leaves;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many envelopes are stored for this peer's sending. */
    static long stored(String peer, long sequence) {
        return TestDatabase.number(GatewayResource.DATABASE,
                "SELECT count(*) FROM federation.received_envelopes WHERE peer = '" + peer + "' AND seq = " + sequence);
    }
}
