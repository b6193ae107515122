package org.interlock.probation.appointment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.ProblemException;
import org.interlock.probation.ProbationEvents;
import org.interlock.probation.supervision.SupervisionCase;

/** Appointments kept or missed, recorded after the fact. */
@ApplicationScoped
public class AppointmentService {

    public record Record(@NotNull OffsetDateTime dueAt, @NotNull Appointment.Outcome outcome) {
    }

    public record View(UUID id, UUID caseId, String person, OffsetDateTime dueAt, Appointment.Outcome outcome) {

        static View of(Appointment a) {
            return new View(a.id, a.caseId, a.person, a.dueAt, a.outcome);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public AppointmentService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> record(UUID caseId, Record request) {
        return transactions.commit(() -> SupervisionCase.<SupervisionCase>findById(caseId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No supervision case " + caseId))
                .map(supervision -> {
                    Appointment appointment = new Appointment();
                    appointment.id = UUID.randomUUID();
                    appointment.caseId = caseId;
                    appointment.person = supervision.person;
                    appointment.dueAt = request.dueAt();
                    appointment.outcome = request.outcome();
                    return appointment;
                })
                .call(appointment -> appointment.persist())
                .call(appointment -> outbox.append(DomainEvent.of(ProbationEvents.APPOINTMENT_RECORDED, appointment.person, View.of(appointment))))
                .map(View::of));
    }

    @WithSession
    public Uni<List<View>> ofCase(UUID caseId) {
        return Appointment.<Appointment>list("caseId = ?1 order by dueAt", caseId)
                .map(list -> list.stream().map(View::of).toList());
    }
}
