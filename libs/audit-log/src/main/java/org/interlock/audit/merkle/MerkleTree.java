package org.interlock.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of the log's Merkle tree at any size up to the number of stored leaves, as defined in
 * RFC 9162 §2.1: MTH, inclusion paths (§2.1.3.1) and consistency proofs (§2.1.4.1).
 *
 * <p>Cost. Every hash a proof needs is the root of a range {@code [start, end)} whose start is aligned to
 * its size, i.e. the fold of at most 64 complete subtrees. A complete subtree at or above the cache's
 * {@code minLevel} is computed once from its two children and then held in the {@link SubtreeCache}
 * forever (it cannot change in an append-only log); below that level it is recomputed from its leaves
 * with one range read. So, after the cache is warm:
 * <ul>
 *   <li>{@link #rootHash}: O(log n) cache look-ups and hashes;</li>
 *   <li>{@link #inclusionProof}: O(log n) look-ups plus at most {@code 2^minLevel} leaf reads and hashes
 *       for the siblings below the cached level (about 60 hashes with the default level 6, some
 *       tens of microseconds);</li>
 *   <li>{@link #consistencyProof}: the same, twice.</li>
 * </ul>
 * A cold cache costs one pass over the leaves below the requested size (n hashes), which the first
 * request pays, or a warm-up at start (call {@link #rootHash} with the current size), or nobody if the
 * sequencer's {@link CompactRange} fills the same cache as it appends.
 *
 * <p>Thread-safe when the {@link LeafHashes} are.
 */
public final class MerkleTree {

    private final LeafHashes leaves;
    private final SubtreeCache cache;

    public MerkleTree(LeafHashes leaves, SubtreeCache cache) {
        this.leaves = leaves;
        this.cache = cache;
    }

    /** A tree over {@code leaves} with a default cache of its own. */
    public MerkleTree(LeafHashes leaves) {
        this(leaves, new SubtreeCache());
    }

    /** How many leaves are stored, i.e. the largest tree size this tree can answer for. */
    public long size() {
        return leaves.size();
    }

    /** MTH(D[0:treeSize]): the root hash of the tree made of the first {@code treeSize} leaves. */
    public NodeHash rootHash(long treeSize) {
        checkTreeSize(treeSize);
        return treeSize == 0 ? TreeHasher.EMPTY_ROOT : rangeHash(0, treeSize);
    }

    /** PATH(leafIndex, D[0:treeSize]): the audit path proving leaf {@code leafIndex} is in that tree. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        checkTreeSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<NodeHash> path = new ArrayList<>(64);
        addInclusionPath(leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /**
     * PROOF(fromSize, D[0:toSize]): the hashes proving that the tree of {@code toSize} leaves extends the
     * tree of {@code fromSize} leaves without changing it. Empty when {@code fromSize} is 0 or equals
     * {@code toSize}.
     */
    public ConsistencyProof consistencyProof(long fromSize, long toSize) {
        checkTreeSize(toSize);
        if (fromSize < 0 || fromSize > toSize) {
            throw new IllegalArgumentException("no consistency proof from size " + fromSize + " to " + toSize);
        }
        List<NodeHash> path = new ArrayList<>(64);
        if (fromSize > 0 && fromSize < toSize) {
            addConsistencySubproof(fromSize, 0, toSize, true, path);
        }
        return new ConsistencyProof(fromSize, toSize, path);
    }

    /** The compact range of the first {@code size} leaves, e.g. to resume the sequencer or head an export. */
    public CompactRange compactRange(long size) {
        checkTreeSize(size);
        List<NodeHash> frontier = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                frontier.add(completeSubtreeHash(level, start >>> level));
                start += 1L << level;
            }
        }
        return CompactRange.resume(size, frontier, cache);
    }

    /** The hash of the complete subtree covering leaves {@code [index·2^level, (index+1)·2^level)}. */
    public NodeHash subtreeHash(int level, long index) {
        if (level < 0 || level > 62 || index < 0 || (index + 1) << level > leaves.size()) {
            throw new IllegalArgumentException("subtree " + level + "/" + index + " is not complete in "
                    + leaves.size() + " leaves");
        }
        return completeSubtreeHash(level, index);
    }

    private NodeHash completeSubtreeHash(int level, long index) {
        if (level == 0) {
            return leaves.leafHash(index);
        }
        NodeHash cached = cache.get(level, index);
        if (cached != null) {
            return cached;
        }
        NodeHash hash = level <= cache.minLevel()
                ? subtreeHashFromLeaves(level, index)
                : TreeHasher.nodeHash(completeSubtreeHash(level - 1, 2 * index), completeSubtreeHash(level - 1, 2 * index + 1));
        cache.put(level, index, hash);
        return hash;
    }

    // RFC 9162 §2.1.3.1, on absolute leaf positions: the path of leaf m within [start, end), bottom-up.
    private void addInclusionPath(long m, long start, long end, List<NodeHash> path) {
        if (end - start == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (m < k) {
            addInclusionPath(m, start, start + k, path);
            path.add(rangeHash(start + k, end));
        } else {
            addInclusionPath(m - k, start + k, end, path);
            path.add(rangeHash(start, start + k));
        }
    }

    // RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:end], b).
    private void addConsistencySubproof(long m, long start, long end, boolean wholeOldTree, List<NodeHash> path) {
        long n = end - start;
        if (m == n) {
            if (!wholeOldTree) {
                path.add(rangeHash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            addConsistencySubproof(m, start, start + k, wholeOldTree, path);
            path.add(rangeHash(start + k, end));
        } else {
            addConsistencySubproof(m - k, start + k, end, false, path);
            path.add(rangeHash(start, start + k));
        }
    }

    // MTH(D[start:end]) for a range whose start is a multiple of the smallest power of two >= its length,
    // which is every range RFC 9162's recursion produces: the fold of its complete subtrees, largest first.
    private NodeHash rangeHash(long start, long end) {
        long length = end - start;
        if (length <= 0 || start % Long.highestOneBit(2 * length - 1) != 0) {
            throw new IllegalStateException("range [" + start + ", " + end + ") is not aligned");
        }
        List<NodeHash> parts = new ArrayList<>(8);
        for (long position = start; position < end; ) {
            int level = 63 - Long.numberOfLeadingZeros(end - position);
            parts.add(completeSubtreeHash(level, position >>> level));
            position += 1L << level;
        }
        NodeHash hash = parts.getLast();
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = TreeHasher.nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    private NodeHash subtreeHashFromLeaves(int level, long index) {
        long first = index << level;
        CompactRange range = new CompactRange();
        for (NodeHash leaf : leaves.leafHashes(first, first + (1L << level))) {
            range.append(leaf);
        }
        return range.rootHash();
    }

    private void checkTreeSize(long treeSize) {
        if (treeSize < 0 || treeSize > leaves.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is beyond the "
                    + leaves.size() + " leaves stored");
        }
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
