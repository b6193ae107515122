package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.interlock.audit.merkle.LeafHashes;
import org.interlock.audit.merkle.NodeHash;

/**
 * The leaf hashes of the first {@code size} records, read from PostgreSQL as the Merkle tree asks
 * for them (one range query per aligned run). A missing row is an {@link AuditIntegrityException}.
 */
public final class StoredLeaves implements LeafHashes {

    private static final String RANGE = "SELECT sequence, leaf_hash FROM audit.records"
            + " WHERE sequence >= ? AND sequence < ? ORDER BY sequence";

    private final DataSource database;
    private final long size;

    StoredLeaves(DataSource database, long size) {
        this.database = database;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public NodeHash leafHash(long index) {
        return leafHashes(index, index + 1).getFirst();
    }

    @Override
    public List<NodeHash> leafHashes(long from, long to) {
        try (Connection c = database.getConnection()) {
            return read(c, from, to);
        } catch (SQLException e) {
            throw new AuditStoreUnavailable(e);
        }
    }

    /** The leaf hashes of {@code [from, to)} on an open connection, checked for gaps. */
    static List<NodeHash> read(Connection c, long from, long to) throws SQLException {
        List<NodeHash> hashes = new ArrayList<>(Math.toIntExact(to - from));
        try (PreparedStatement s = c.prepareStatement(RANGE)) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet rs = s.executeQuery()) {
                long expected = from;
                while (rs.next()) {
                    if (rs.getLong(1) != expected) {
                        break;
                    }
                    hashes.add(NodeHash.of(rs.getBytes(2)));
                    expected++;
                }
                if (expected != to) {
                    throw new AuditIntegrityException("record " + expected + " is missing from the log");
                }
            }
        }
        return hashes;
    }
}
