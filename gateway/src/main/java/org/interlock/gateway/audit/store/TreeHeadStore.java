package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadJson;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.NodeHash;

/**
 * The signed tree heads the log has published, each with the frontier of its tree so that the next
 * seal extends it without reading the whole log again.
 */
@ApplicationScoped
public class TreeHeadStore {

    private static final String HEADS = "SELECT tree_size, head_json, frontier FROM audit.tree_heads";

    /** A published head and the compact range of the tree it signs. */
    public record StoredHead(SignedTreeHead signed, byte[] json, List<NodeHash> frontier) {

        public long treeSize() {
            return signed.head().treeSize();
        }

        public NodeHash rootHash() {
            return signed.head().rootHash();
        }

        public CompactRange range() {
            return CompactRange.resume(treeSize(), frontier, null);
        }
    }

    private final DataSource database;

    public TreeHeadStore(DataSource database) {
        this.database = database;
    }

    public Optional<StoredHead> latest() throws SQLException {
        try (Connection c = database.getConnection()) {
            return latest(c);
        }
    }

    public Optional<StoredHead> at(long treeSize) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(HEADS + " WHERE tree_size = ?")) {
            s.setLong(1, treeSize);
            return one(s);
        }
    }

    static Optional<StoredHead> latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HEADS + " ORDER BY tree_size DESC LIMIT 1")) {
            return one(s);
        }
    }

    static void insert(Connection c, SignedTreeHead signed, List<NodeHash> frontier) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit.tree_heads"
                + " (tree_size, root_hash, signed_at, key_id, head_json, frontier) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, signed.head().treeSize());
            s.setBytes(2, signed.head().rootHash().toByteArray());
            s.setTimestamp(3, Timestamp.from(signed.head().timestamp()));
            s.setString(4, signed.head().keyId().toHex());
            s.setBytes(5, TreeHeadJson.encode(signed));
            s.setBytes(6, concat(frontier));
            s.executeUpdate();
        }
    }

    private static Optional<StoredHead> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] json = rs.getBytes(2);
            return Optional.of(new StoredHead(TreeHeadJson.decode(json), json, split(rs.getBytes(3))));
        }
    }

    private static byte[] concat(List<NodeHash> hashes) {
        byte[] bytes = new byte[hashes.size() * NodeHash.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i).toByteArray(), 0, bytes, i * NodeHash.SIZE, NodeHash.SIZE);
        }
        return bytes;
    }

    private static List<NodeHash> split(byte[] bytes) {
        List<NodeHash> hashes = new ArrayList<>(bytes.length / NodeHash.SIZE);
        for (int offset = 0; offset < bytes.length; offset += NodeHash.SIZE) {
            hashes.add(NodeHash.of(java.util.Arrays.copyOfRange(bytes, offset, offset + NodeHash.SIZE)));
        }
        return hashes;
    }
}
