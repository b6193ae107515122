package org.interlock.audit.merkle;

import java.util.Arrays;
import java.util.Objects;

/**
 * Leaf hashes held in memory, 32 bytes each in chunks of 65,536 (2 MiB), so a million leaves take 32 MiB
 * and no object per leaf. For tests, benchmarks and the offline verifier; the gateway keeps its leaves in
 * PostgreSQL. One thread appends (the single sequencer); any number read, and a reader never sees a leaf
 * before {@link #size()} covers it.
 */
public final class InMemoryLeafHashes implements LeafHashes {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK_LEAVES = 1 << CHUNK_BITS;

    private volatile byte[][] chunks = new byte[0][];
    private volatile long size;

    /** Appends a leaf hash and returns its index. */
    public synchronized long append(NodeHash leafHash) {
        long index = size;
        int chunk = Math.toIntExact(index >>> CHUNK_BITS);
        if (chunk == chunks.length) {
            byte[][] grown = Arrays.copyOf(chunks, chunk + 1);
            grown[chunk] = new byte[CHUNK_LEAVES * NodeHash.SIZE];
            chunks = grown;
        }
        System.arraycopy(leafHash.bytes(), 0, chunks[chunk], offsetInChunk(index), NodeHash.SIZE);
        size = index + 1;
        return index;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public NodeHash leafHash(long index) {
        Objects.checkIndex(index, size);
        byte[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
        int offset = offsetInChunk(index);
        return NodeHash.wrap(Arrays.copyOfRange(chunk, offset, offset + NodeHash.SIZE));
    }

    private static int offsetInChunk(long index) {
        return (int) (index & (CHUNK_LEAVES - 1)) * NodeHash.SIZE;
    }
}
