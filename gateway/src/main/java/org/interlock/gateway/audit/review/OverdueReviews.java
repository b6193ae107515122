package org.interlock.gateway.audit.review;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import org.interlock.gateway.audit.store.OverdueReviewStore;
import org.jboss.logging.Logger;

/**
 * Break-glass reviews left open longer than {@code interlock.audit.review-overdue-after}: every
 * {@code review-check-interval} each replica counts them for the gauge
 * {@value #GAUGE} (the same number on every replica: it is the database's), puts an alert in the
 * outbox for each one not alerted yet, and sends what the outbox holds. Nothing is kept in memory
 * but the count, so a restart neither forgets nor repeats an alert.
 */
@ApplicationScoped
public class OverdueReviews {

    static final String GAUGE = "interlock.break.glass.reviews.overdue";
    private static final Logger LOG = Logger.getLogger(OverdueReviews.class);
    private static final int SEND_BATCH = 100;

    private final OverdueReviewStore store;
    private final OverdueAlertPublisher alerts;
    private final ReviewConfig config;
    private final AtomicLong overdue = new AtomicLong();

    public OverdueReviews(OverdueReviewStore store, OverdueAlertPublisher alerts, ReviewConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.alerts = alerts;
        this.config = config;
        Gauge.builder(GAUGE, overdue, AtomicLong::doubleValue)
                .description("Break-glass reviews open longer than interlock.audit.review-overdue-after")
                .register(registry);
    }

    void schedule(@Observes StartupEvent ignored, Scheduler scheduler) {
        scheduler.newJob("break-glass-review-overdue")
                .setInterval(config.reviewCheckInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> onSchedule())
                .schedule();
    }

    private void onSchedule() {
        try {
            check();
        } catch (SQLException | RuntimeException e) {
            // The next interval tries again; an alert raised and not sent stays in the outbox.
            LOG.warnf("Could not check overdue break-glass reviews: %s", e.getMessage());
        }
    }

    /** Counts, raises and sends now; returns how many alerts were sent. */
    public int check() throws SQLException {
        overdue.set(store.countOverdue(config.reviewOverdueAfter()));
        int raised = store.raiseAlerts(config.reviewOverdueAfter());
        int sent = store.sendUnsent(SEND_BATCH, alerts::send);
        if (raised > 0 || sent > 0) {
            LOG.infof("Break-glass reviews overdue: %d; alerts raised %d, sent %d", overdue.get(), raised, sent);
        }
        return sent;
    }
}
