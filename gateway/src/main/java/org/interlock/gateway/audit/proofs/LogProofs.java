package org.interlock.gateway.audit.proofs;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.export.ExportWriter;
import org.interlock.audit.merkle.ConsistencyProof;
import org.interlock.audit.merkle.InclusionProof;
import org.interlock.audit.merkle.MerkleTree;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.SubtreeCache;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.MalformedRecordException;
import org.interlock.gateway.audit.store.AuditIntegrityException;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.audit.store.StoredRecord;
import org.interlock.gateway.audit.store.TreeHeadStore.StoredHead;

/**
 * Proofs over the stored log against its signed tree heads (RFC 9162). Every proof is checked here
 * before it is served, exactly as an auditor would check it; one that does not hold means the
 * stored log was altered after it was signed, and is answered as an {@link AuditIntegrityException}
 * naming the record, never served as if it were fine.
 *
 * <p>Complete subtrees of 64 leaves and more are cached (they cannot change in an append-only log),
 * so a proof reads at most a few dozen leaf hashes. A proof that fails to verify is computed once
 * more from the stored leaves alone, with a new cache: a failure is then the database's, never a
 * stale cache's, and a cache filled while the database was altered does not outlive the alteration.
 */
@ApplicationScoped
public class LogProofs {

    /** An inclusion proof with the record it proves, as stored. */
    public record Inclusion(StoredRecord record, InclusionProof proof, StoredHead head) {
    }

    private final AuditStore store;
    private volatile SubtreeCache cache = new SubtreeCache();

    public LogProofs(AuditStore store) {
        this.store = store;
    }

    /** Proves record {@code sequence} is in the tree that {@code head} signs. */
    public Inclusion inclusion(StoredRecord record, StoredHead head) {
        checkRecord(record);
        return withFreshCacheOnFailure(() -> {
            InclusionProof proof = tree(head).inclusionProof(record.sequence(), head.treeSize());
            if (!proof.verify(TreeHasher.leafHash(record.leaf()), head.rootHash())) {
                throw new AuditIntegrityException("record " + record.sequence()
                        + " is not the record the tree head of size " + head.treeSize() + " signed");
            }
            return new Inclusion(record, proof, head);
        });
    }

    /** Proves the tree {@code to} signs extends the tree {@code from} signs, unchanged. */
    public ConsistencyProof consistency(StoredHead from, StoredHead to) {
        return withFreshCacheOnFailure(() -> {
            ConsistencyProof proof = tree(to).consistencyProof(from.treeSize(), to.treeSize());
            if (!proof.verify(from.rootHash(), to.rootHash())) {
                throw new AuditIntegrityException("the stored log of " + to.treeSize()
                        + " records is not an extension of the one signed at size " + from.treeSize());
            }
            return proof;
        });
    }

    private <T> T withFreshCacheOnFailure(java.util.function.Supplier<T> proof) {
        try {
            return proof.get();
        } catch (AuditIntegrityException first) {
            cache = new SubtreeCache();
            return proof.get();
        }
    }

    /**
     * Streams records {@code [from, head.treeSize())} in the export format, the frontier of the
     * records before {@code from} first, so that the export and the head verify on their own.
     */
    public void export(long from, StoredHead head, OutputStream out) throws IOException, SQLException {
        store.checkComplete(from, head.treeSize());
        ExportWriter writer = new ExportWriter(out);
        writer.startAt(tree(head).compactRange(from));
        try {
            store.forEach(from, head.treeSize(), record -> append(writer, record));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static void append(ExportWriter writer, StoredRecord record) {
        try {
            writer.append(record.leaf(), record.leafHash());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MerkleTree tree(StoredHead head) {
        return new MerkleTree(store.leaves(head.treeSize()), cache);
    }

    /** The stored bytes must be a canonical record at its own index, hashing to the stored hash. */
    private static void checkRecord(StoredRecord record) {
        NodeHash computed = TreeHasher.leafHash(record.leaf());
        if (!computed.equals(record.leafHash())) {
            throw new AuditIntegrityException("record " + record.sequence() + " does not hash to its stored leaf hash");
        }
        try {
            long inside = CanonicalEncoding.decode(record.leaf()).sequence();
            if (inside != record.sequence()) {
                throw new AuditIntegrityException("the record stored at " + record.sequence() + " says it is record "
                        + inside);
            }
        } catch (MalformedRecordException e) {
            throw new AuditIntegrityException("record " + record.sequence() + " is not a canonical audit record");
        }
    }
}
