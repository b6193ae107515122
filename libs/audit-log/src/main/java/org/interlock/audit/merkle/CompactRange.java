package org.interlock.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree of leaves {@code [0, size)} reduced to its right frontier: the hashes of the complete subtrees
 * that the binary representation of {@code size} decomposes it into, largest first — at most 64 hashes,
 * whatever the size. Appending a leaf merges equal-sized neighbours (amortised one node hash per leaf) and
 * the root is the right-to-left fold of the frontier, so the sequencer seals a new tree head in
 * O(log n) without reading old leaves. Completed subtrees can be handed to a {@link SubtreeCache}, which
 * keeps proof generation warm on the node that appends.
 *
 * <p>Not thread-safe: one sequencer owns it.
 */
public final class CompactRange {

    private final List<NodeHash> frontier;
    private final SubtreeCache cache;
    private long size;

    /** The empty tree, without a cache. */
    public CompactRange() {
        this(null);
    }

    /** The empty tree, giving every completed subtree to {@code cache} (may be null). */
    public CompactRange(SubtreeCache cache) {
        this(0, new ArrayList<>(), cache);
    }

    private CompactRange(long size, List<NodeHash> frontier, SubtreeCache cache) {
        this.size = size;
        this.frontier = frontier;
        this.cache = cache;
    }

    /**
     * Resumes a range from a stored frontier, e.g. after a restart or from the header of a range export.
     * The frontier is not trusted by anything: a wrong one simply yields wrong roots.
     */
    public static CompactRange resume(long size, List<NodeHash> frontier, SubtreeCache cache) {
        if (size < 0 || Long.bitCount(size) != frontier.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has a frontier of "
                    + Long.bitCount(Math.max(size, 0)) + " hashes, got " + frontier.size());
        }
        return new CompactRange(size, new ArrayList<>(frontier), cache);
    }

    /** Appends the next leaf hash (its index is the old {@link #size()}). */
    public void append(NodeHash leafHash) {
        long index = size;
        frontier.add(leafHash);
        int merges = Long.numberOfTrailingZeros(~index);
        for (int level = 1; level <= merges; level++) {
            NodeHash right = frontier.removeLast();
            NodeHash left = frontier.removeLast();
            NodeHash parent = TreeHasher.nodeHash(left, right);
            frontier.add(parent);
            if (cache != null) {
                cache.put(level, index >>> level, parent);
            }
        }
        size = index + 1;
    }

    /** How many leaves the range covers. */
    public long size() {
        return size;
    }

    /** MTH of the leaves so far (RFC 9162 §2.1.1); the empty-tree hash when there are none. */
    public NodeHash rootHash() {
        if (frontier.isEmpty()) {
            return TreeHasher.EMPTY_ROOT;
        }
        NodeHash root = frontier.getLast();
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = TreeHasher.nodeHash(frontier.get(i), root);
        }
        return root;
    }

    /** The frontier, largest subtree first; store it with a tree head to {@link #resume} later. */
    public List<NodeHash> frontier() {
        return List.copyOf(frontier);
    }
}
