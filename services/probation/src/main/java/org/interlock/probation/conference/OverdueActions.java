package org.interlock.probation.conference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Raises conference actions past their date, every {@code interlock.conference.overdue-check}. */
@ApplicationScoped
public class OverdueActions {

    private final ConferenceService conferences;

    public OverdueActions(ConferenceService conferences) {
        this.conferences = conferences;
    }

    @Scheduled(every = "${interlock.conference.overdue-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> raise() {
        return conferences.raiseOverdue();
    }
}
