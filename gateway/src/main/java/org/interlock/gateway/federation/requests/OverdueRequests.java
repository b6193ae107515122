package org.interlock.gateway.federation.requests;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.jboss.logging.Logger;

/**
 * Requests for information whose deadline passed unanswered (ADR 0021): every {@code check-interval} each replica
 * marks them {@code overdue} and escalates each once, with a REQUEST_OVERDUE audit record appended in the
 * transaction that marks it (so a second replica finds it marked and appends nothing) and an operator's log line
 * naming the request, never the person. An overdue request is still answered.
 */
@ApplicationScoped
public class OverdueRequests {

    private static final Logger LOG = Logger.getLogger(OverdueRequests.class);
    private static final String CLIENT = "interlock-federation";
    private static final int BATCH = 100;

    private final Federation federation;
    private final RequestStore requests;
    private final AuditStore audit;
    private final DeadlineConfig config;

    public OverdueRequests(Federation federation, RequestStore requests, AuditStore audit, DeadlineConfig config) {
        this.federation = federation;
        this.requests = requests;
        this.audit = audit;
        this.config = config;
    }

    void schedule(@Observes StartupEvent ignored, Scheduler scheduler) {
        Deadlines.of(config); // a deadline that is not positive stops the start, not the first request
        if (!federation.enabled()) {
            return;
        }
        scheduler.newJob("federation-requests-overdue")
                .setInterval(config.checkInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> onSchedule())
                .schedule();
    }

    private void onSchedule() {
        try {
            escalate(Instant.now());
        } catch (SQLException | RuntimeException e) {
            // The next interval tries again: nothing was marked without its record.
            LOG.warnf("Could not check overdue requests for information: %s", e.getMessage());
        }
    }

    /** Escalates every request due by {@code now} not escalated yet; returns how many this call escalated. */
    public int escalate(Instant now) throws SQLException {
        int escalated = 0;
        for (StoredRequest request : requests.due(now, BATCH)) {
            try {
                long sequence = audit.append(List.of(record(request, now)), (c, stored) -> {
                    RequestStore.escalated(c, request.id(), stored.getFirst().sequence(), now);
                    return stored.getFirst().sequence();
                });
                escalated++;
                LOG.warnf("Request for information %s (%s, peer %s) is overdue since %s; escalated, audit record %d",
                        request.id(), request.direction().code(), request.peer(), request.deadline(), sequence);
            } catch (RequestStore.StateChanged e) {
                // Answered or escalated by another replica meanwhile: nothing appended.
            }
        }
        return escalated;
    }

    static AuditRecord record(StoredRequest request, Instant now) {
        return AuditRecord.builder(now, new Actor(null, null, null, CLIENT, null), Action.REQUEST_OVERDUE,
                        Decision.deny("overdue"))
                .resource(new Resource(AnswerDecisions.RESOURCE_TYPE, request.id().toString(), request.person(), null,
                        null))
                .purpose(request.purpose())
                .requestId(request.requestId())
                .build();
    }
}
