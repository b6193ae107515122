package org.interlock.gateway.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.audit.record.AuditRecord;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Audit before disclosure: what the gateway is about to release, refuse or answer is recorded, and
 * only once the record is durable does the caller go on. If the store cannot take it (down, full,
 * too slow) the caller gets a 503 problem and nothing is released.
 */
@ApplicationScoped
public class AuditTrail {

    private final GroupCommit commits;
    private final Duration timeout;

    public AuditTrail(GroupCommit commits,
            @ConfigProperty(name = "interlock.audit.append-timeout", defaultValue = "5s") Duration timeout) {
        this.commits = commits;
        this.timeout = timeout;
    }

    /** For reactive callers: completes, on the caller's own Vert.x context, once the records are durable. */
    public Uni<Void> record(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context caller = Vertx.currentContext();
        return Uni.createFrom().<Void>emitter(emitter -> commits.submit(records).whenComplete((ok, failure) -> {
            Runnable resume = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(unavailable());
            if (caller == null) {
                resume.run();
            } else {
                // Never continue the request on the audit writer's thread.
                caller.runOnContext(ignored -> resume.run());
            }
        }))
                .ifNoItem().after(timeout).failWith(AuditTrail::unavailable);
    }

    /** For worker-thread callers (the auditor API): returns once durable, else throws the 503 problem. */
    public void recordAndWait(List<AuditRecord> records) {
        awaitDurable(submit(records));
    }

    /**
     * Hands the records over and returns at once; they are durable when the future completes. For a
     * caller that has other work to do meanwhile (the exchange routes its next batch), and that
     * releases nothing before {@link #awaitDurable} returns.
     */
    public CompletableFuture<Void> submit(List<AuditRecord> records) {
        return records.isEmpty() ? CompletableFuture.completedFuture(null) : commits.submit(records);
    }

    /** Returns once what {@link #submit} was given is durable, else throws the 503 problem. */
    public void awaitDurable(CompletableFuture<Void> done) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The audit trail cannot record this request, so nothing was released; try again later");
    }
}
