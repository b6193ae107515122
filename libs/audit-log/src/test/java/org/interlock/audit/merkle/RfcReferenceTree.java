package org.interlock.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written out literally — recursion over the list of leaf hashes, no caching — as the
 * oracle the fast tree is compared with in property tests.
 */
final class RfcReferenceTree {

    private RfcReferenceTree() {
    }

    static NodeHash mth(List<NodeHash> d) {
        if (d.isEmpty()) {
            return TreeHasher.EMPTY_ROOT;
        }
        if (d.size() == 1) {
            return d.getFirst();
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return TreeHasher.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<NodeHash> path(int m, List<NodeHash> d) {
        List<NodeHash> out = new ArrayList<>();
        if (d.size() > 1) {
            int k = Integer.highestOneBit(d.size() - 1);
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
        }
        return out;
    }

    static List<NodeHash> proof(int m, List<NodeHash> d) {
        return m == 0 || m == d.size() ? List.of() : subproof(m, d, true);
    }

    private static List<NodeHash> subproof(int m, List<NodeHash> d, boolean b) {
        List<NodeHash> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }
}
