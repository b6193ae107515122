package org.interlock.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Proof that the tree of {@code toSize} leaves is the tree of {@code fromSize} leaves with leaves appended
 * and nothing changed (RFC 9162 §2.1.4). An auditor who kept an earlier signed tree head checks a newer
 * one with {@link #verify}: a log that rewrote, removed or reordered any earlier record cannot produce
 * a proof that passes.
 */
public record ConsistencyProof(long fromSize, long toSize, List<NodeHash> path) {

    public ConsistencyProof {
        if (fromSize < 0 || toSize < 0) {
            throw new IllegalArgumentException("tree sizes are not negative");
        }
        path = List.copyOf(path);
    }

    /**
     * Whether the tree with root {@code fromRoot} at {@code fromSize} is a prefix of the tree with root
     * {@code toRoot} at {@code toSize} (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and equal
     * roots; the empty tree (whose root must be the empty-tree hash) is a prefix of every tree, with an
     * empty proof.
     */
    public boolean verify(NodeHash fromRoot, NodeHash toRoot) {
        if (fromSize > toSize) {
            return false;
        }
        if (fromSize == toSize) {
            return path.isEmpty() && fromRoot.equals(toRoot);
        }
        if (fromSize == 0) {
            return path.isEmpty() && fromRoot.equals(TreeHasher.EMPTY_ROOT);
        }
        if (path.isEmpty()) {
            return false;
        }
        List<NodeHash> hashes = path;
        if (Long.bitCount(fromSize) == 1) {
            hashes = new ArrayList<>(path.size() + 1);
            hashes.add(fromRoot);
            hashes.addAll(path);
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        NodeHash fr = hashes.getFirst();
        NodeHash sr = hashes.getFirst();
        for (NodeHash c : hashes.subList(1, hashes.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHasher.nodeHash(c, fr);
                sr = TreeHasher.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHasher.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.equals(fromRoot) && sr.equals(toRoot);
    }
}
