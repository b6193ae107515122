package org.interlock.audit.merkle;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Hashes of complete subtrees, keyed by (level, index): the subtree at level {@code l} and index
 * {@code i} covers leaves {@code [i·2^l, (i+1)·2^l)}. In an append-only log a complete subtree never
 * changes, so an entry is valid forever and concurrent writers can only ever write the same value.
 *
 * <p>Only levels {@code >= minLevel} are kept: below that a subtree is recomputed from its
 * {@code 2^level} leaves, which costs at most {@code 2^minLevel - 1} hashes and one range read. The
 * memory is about {@code 2·n / 2^minLevel} entries of roughly 130 bytes for {@code n} leaves: with the
 * default level 6, 4 MiB per million leaves; raise the level for logs of hundreds of millions.
 */
public final class SubtreeCache {

    /** Subtrees of 64 leaves and larger are kept. */
    public static final int DEFAULT_MIN_LEVEL = 6;

    private final int minLevel;
    private final ConcurrentHashMap<Long, NodeHash> hashes = new ConcurrentHashMap<>();

    public SubtreeCache(int minLevel) {
        if (minLevel < 1 || minLevel > 40) {
            throw new IllegalArgumentException("minLevel must be between 1 and 40, got " + minLevel);
        }
        this.minLevel = minLevel;
    }

    public SubtreeCache() {
        this(DEFAULT_MIN_LEVEL);
    }

    /** The lowest level kept. */
    public int minLevel() {
        return minLevel;
    }

    /** The cached hash of subtree (level, index), or null. */
    public NodeHash get(int level, long index) {
        return level < minLevel ? null : hashes.get(key(level, index));
    }

    /** Remembers the hash of a complete subtree; ignored below {@link #minLevel()}. */
    public void put(int level, long index, NodeHash hash) {
        if (level >= minLevel) {
            hashes.putIfAbsent(key(level, index), hash);
        }
    }

    /** How many subtree hashes are held. */
    public int entries() {
        return hashes.size();
    }

    private static Long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
