package org.interlock.gateway.federation.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;

/** The gateway's audit records and federation tables, read from its database as stored. */
final class RequestAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestAudit() {
    }

    static long mark() {
        return TestDatabase.number(GatewayResource.DATABASE, "SELECT next_sequence FROM audit.log_state");
    }

    /** The records of {@code action} appended since {@code mark}, in order. */
    static List<AuditRecord> since(long mark, String action) {
        return records("SELECT leaf FROM audit.records WHERE action = '" + action + "' AND sequence >= " + mark
                + " ORDER BY sequence");
    }

    static AuditRecord record(long sequence) {
        return records("SELECT leaf FROM audit.records WHERE sequence = " + sequence).getFirst();
    }

    static long count(String query) {
        return TestDatabase.number(GatewayResource.DATABASE, query);
    }

    /** The payload queued for a peer under {@code seq}, as JSON. */
    static JsonNode queued(long seq) {
        try {
            return JSON.readTree(TestDatabase.text(GatewayResource.DATABASE,
                    "SELECT payload FROM federation.outbox WHERE seq = " + seq));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String column(String column, String id) {
        return TestDatabase.text(GatewayResource.DATABASE, "SELECT " + column + "::text FROM federation.requests"
                + " WHERE id = '" + id + "'");
    }

    private static List<AuditRecord> records(String query) {
        try (Connection c = TestDatabase.connect(GatewayResource.DATABASE, "postgres");
                PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
            List<AuditRecord> records = new ArrayList<>();
            while (rs.next()) {
                records.add(CanonicalEncoding.decode(rs.getBytes(1)));
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
