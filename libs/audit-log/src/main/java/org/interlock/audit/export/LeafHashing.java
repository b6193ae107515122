package org.interlock.audit.export;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;

/**
 * Hashes the records of a batch of export lines on the calling thread and, at the same time, on one
 * helper thread: hashing is most of a verification's work, while checking and appending the leaves in
 * order is not. Both threads take chunks of lines from a shared counter, so a helper that starts late
 * (a busy machine) costs nothing but the chunk it took. Line {@code i}'s hash goes to {@code hashes[i]},
 * null when the line is too short to hold a record.
 */
final class LeafHashing implements AutoCloseable {

    private static final int CHUNK = 64;

    private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-leaf-hashing");
        thread.setDaemon(true);
        return thread;
    });
    private NodeHash[] hashes = new NodeHash[0];

    /** Hashes every line's record; the result is valid until the next call. */
    NodeHash[] hash(byte[] buffer, int[] starts, int[] ends, int count) {
        if (hashes.length < count) {
            hashes = new NodeHash[Math.max(count, 2 * hashes.length)];
        }
        AtomicInteger nextChunk = new AtomicInteger();
        Runnable work = () -> {
            for (int chunk = nextChunk.getAndIncrement(); chunk * CHUNK < count; chunk = nextChunk.getAndIncrement()) {
                for (int i = chunk * CHUNK, end = Math.min(count, i + CHUNK); i < end; i++) {
                    int recordFrom = starts[i] + ExportFormat.RECORD_OFFSET;
                    hashes[i] = ends[i] - 1 > recordFrom
                            ? TreeHasher.leafHash(buffer, recordFrom, ends[i] - 1 - recordFrom) : null;
                }
            }
        };
        CompletableFuture<Void> helped = count > CHUNK ? CompletableFuture.runAsync(work, helper) : null;
        work.run();
        if (helped != null) {
            helped.join();
        }
        return hashes;
    }

    @Override
    public void close() {
        helper.shutdownNow();
    }
}
