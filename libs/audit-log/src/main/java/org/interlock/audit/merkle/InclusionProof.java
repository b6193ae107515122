package org.interlock.audit.merkle;

import java.util.List;
import java.util.Optional;

/**
 * Proof that the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves: the audit path of
 * RFC 9162 §2.1.3, sibling hashes from the leaf up to the root. A client holding a signed tree head and a
 * record checks the record's inclusion with {@link #verify} and nothing else from the log.
 */
public record InclusionProof(long leafIndex, long treeSize, List<NodeHash> path) {

    public InclusionProof {
        if (leafIndex < 0 || treeSize < 0) {
            throw new IllegalArgumentException("leaf index and tree size are not negative");
        }
        path = List.copyOf(path);
    }

    /** Whether this proof shows {@code leafHash} at {@code leafIndex} in the tree whose root is {@code rootHash}. */
    public boolean verify(NodeHash leafHash, NodeHash rootHash) {
        return rootFrom(leafHash).map(rootHash::equals).orElse(false);
    }

    /**
     * The root this proof leads to from {@code leafHash} (RFC 9162 §2.1.3.2), or empty when the path
     * cannot belong to a tree of this size: too short, too long, or an index outside the tree.
     */
    public Optional<NodeHash> rootFrom(NodeHash leafHash) {
        if (leafIndex >= treeSize) {
            return Optional.empty();
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        NodeHash r = leafHash;
        for (NodeHash p : path) {
            if (sn == 0) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHasher.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHasher.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }
}
