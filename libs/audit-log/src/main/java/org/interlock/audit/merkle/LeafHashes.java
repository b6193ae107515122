package org.interlock.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored leaf hashes of a log, indexed by sequence number from 0. The tree never needs the records
 * themselves: roots and proofs are computed from these and from cached subtree hashes. A PostgreSQL
 * store implements it over its leaf table and overrides {@link #leafHashes(long, long)} with one range
 * query, since proof generation reads leaves in aligned runs (see {@link MerkleTree}).
 */
public interface LeafHashes {

    /** How many leaves are stored; leaves {@code 0 .. size()-1} exist and never change. */
    long size();

    /** The hash of leaf {@code index}, {@code 0 <= index < size()}. */
    NodeHash leafHash(long index);

    /** The hashes of leaves {@code from} (inclusive) to {@code to} (exclusive), in order. */
    default List<NodeHash> leafHashes(long from, long to) {
        List<NodeHash> hashes = new ArrayList<>(Math.toIntExact(to - from));
        for (long index = from; index < to; index++) {
            hashes.add(leafHash(index));
        }
        return hashes;
    }
}
