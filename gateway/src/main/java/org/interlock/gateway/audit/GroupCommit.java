package org.interlock.gateway.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.audit.record.AuditRecord;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.audit.store.AuditStoreUnavailable;
import org.jboss.logging.Logger;

/**
 * Makes audit records durable in batches: requests hand their records over and wait; one writer
 * thread takes whatever is waiting, appends it all in one transaction (one commit, one fsync) and
 * completes every waiting request at once. Under load a batch grows instead of the queue, so the
 * cost of durability is shared; idle, a record waits for one commit only.
 *
 * <p>The queue is bounded: when it is full the request fails at once (503) rather than pile up.
 * A failed batch fails all its requests and none of its records is stored.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private record Pending(List<AuditRecord> records, CompletableFuture<Void> done) {
    }

    private final AuditStore store;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running;
    private Thread writer;

    public GroupCommit(AuditStore store,
            @ConfigProperty(name = "interlock.audit.queue-capacity", defaultValue = "4096") int capacity,
            @ConfigProperty(name = "interlock.audit.max-batch", defaultValue = "512") int maxBatch) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeLoop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        failAll(drain(), new AuditStoreUnavailable(new SQLException("the gateway is shutting down")));
    }

    /** Completes when the records are durable; fails when they could not be stored. */
    public CompletableFuture<Void> submit(List<AuditRecord> records) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (records.isEmpty()) {
            done.complete(null);
        } else if (!running || !queue.offer(new Pending(List.copyOf(records), done))) {
            done.completeExceptionally(new AuditStoreUnavailable(new SQLException(
                    running ? "the audit queue is full" : "the audit writer is not running")));
        }
        return done;
    }

    private void writeLoop() {
        while (running) {
            List<Pending> batch;
            try {
                batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
            } catch (InterruptedException e) {
                return;
            }
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        List<AuditRecord> records = new ArrayList<>();
        batch.forEach(pending -> records.addAll(pending.records()));
        try {
            store.append(records);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (SQLException e) {
            LOG.warnf("Audit batch of %d records not stored: %s", records.size(), e.getMessage());
            failAll(batch, new AuditStoreUnavailable(e));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit batch of %d records not stored", records.size());
            failAll(batch, e);
        }
    }

    private List<Pending> drain() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    private static void failAll(List<Pending> batch, RuntimeException cause) {
        batch.forEach(pending -> pending.done().completeExceptionally(cause));
    }
}
