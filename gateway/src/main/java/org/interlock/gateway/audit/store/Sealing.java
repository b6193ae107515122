package org.interlock.gateway.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.gateway.audit.store.TreeHeadStore.StoredHead;

/**
 * The database side of sealing: in one transaction, under an advisory lock that only one sealer
 * holds at a time, extend the last head's tree with the leaves appended since and store the new head.
 */
@ApplicationScoped
public class Sealing {

    /**
     * The advisory lock key of the sealer ("ILAUDIT" in ASCII), the gateway's one lock of the one-key space (the
     * federation outbox's per-peer locks use the two-key space, which never overlaps it).
     */
    static final long SEAL_LOCK = 0x494c4155444954L;

    private final DataSource database;

    public Sealing(DataSource database) {
        this.database = database;
    }

    public Optional<StoredHead> sealNext(TreeHeadSigner signer, Instant now) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<StoredHead> sealed = sealLocked(c, signer, now);
                c.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                AuditStore.rollbackQuietly(c);
                throw e;
            }
        }
    }

    private static Optional<StoredHead> sealLocked(Connection c, TreeHeadSigner signer, Instant now)
            throws SQLException {
        if (!tryLock(c)) {
            return Optional.empty();
        }
        Optional<StoredHead> last = TreeHeadStore.latest(c);
        long size = AuditStore.size(c);
        if (last.isPresent() && last.get().treeSize() == size) {
            return Optional.empty();
        }
        CompactRange range = last.map(StoredHead::range).orElseGet(CompactRange::new);
        for (long start = range.size(); start < size; start += AuditStore.CHUNK) {
            for (NodeHash leaf : StoredLeaves.read(c, start, Math.min(size, start + AuditStore.CHUNK))) {
                range.append(leaf);
            }
        }
        SignedTreeHead head = signer.sign(size, range.rootHash(), now);
        TreeHeadStore.insert(c, head, range.frontier());
        return TreeHeadStore.latest(c);
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, SEAL_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
