package org.interlock.audit;

import java.time.Instant;
import java.util.Objects;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;

/**
 * The in-memory half of the log's single sequencer: numbers each record with the next leaf index, turns
 * it into its leaf bytes and leaf hash, extends the tree, and seals signed tree heads, all in one process:
 * what the benchmarks and the verifier tests use. The gateway's replicas share one log in PostgreSQL
 * instead, numbering under a row lock and sealing from the stored frontier (ADR 0006), with the same
 * encoding and hashing.
 *
 * <p>The caller stores each {@link SequencedRecord} (its {@code leaf} bytes and {@code leafHash}, as they
 * are) durably before it seals a head that covers it, and publishes a head only once stored. If a store
 * fails, this object is ahead of the store: discard it and {@link #resume} from what was stored. Not
 * thread-safe.
 */
public final class Sequencer {

    private final CompactRange range;
    private final TreeHeadSigner signer;

    /**
     * @param range  the tree so far: {@code new CompactRange(cache)} for a new log, or the stored
     *               frontier / {@link org.interlock.audit.merkle.MerkleTree#compactRange} after a restart
     * @param signer the log's signing key
     */
    public Sequencer(CompactRange range, TreeHeadSigner signer) {
        this.range = Objects.requireNonNull(range, "range");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** Resumes a log of {@code range.size()} stored leaves. */
    public static Sequencer resume(CompactRange range, TreeHeadSigner signer) {
        return new Sequencer(range, signer);
    }

    /** A record with its leaf index, its leaf (the canonical bytes) and its leaf hash: what to store. */
    public record SequencedRecord(AuditRecord record, byte[] leaf, NodeHash leafHash) {
        public long sequence() {
            return record.sequence();
        }
    }

    /** Numbers an unsequenced record and appends it to the tree. */
    public SequencedRecord append(AuditRecord record) {
        if (record.sequenced()) {
            throw new IllegalArgumentException("record already has sequence " + record.sequence());
        }
        AuditRecord sequenced = record.withSequence(range.size());
        byte[] leaf = CanonicalEncoding.encode(sequenced);
        NodeHash leafHash = TreeHasher.leafHash(leaf);
        range.append(leafHash);
        return new SequencedRecord(sequenced, leaf, leafHash);
    }

    /** Signs a tree head over everything appended so far. */
    public SignedTreeHead seal(Instant now) {
        return signer.sign(range.size(), range.rootHash(), now);
    }

    /** How many records the tree holds: the next record's sequence. */
    public long size() {
        return range.size();
    }

    /** The frontier to store with a head, so that a restart can resume without reading every leaf. */
    public CompactRange snapshot() {
        return CompactRange.resume(range.size(), range.frontier(), null);
    }
}
