package org.interlock.probation.licence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;
import org.interlock.probation.ProbationEvents;
import org.interlock.probation.supervision.SupervisionCase;

/** Licence conditions imposed on a supervision case. */
@ApplicationScoped
public class LicenceConditionService {

    public record Impose(@NotNull LicenceCondition.Kind kind, @NotNull @Size(min = 1, max = 4000) String details,
            @NotNull LocalDate startsOn, LocalDate endsOn) {
    }

    public record View(UUID id, UUID caseId, String person, LicenceCondition.Kind kind, String details,
            LocalDate startsOn, LocalDate endsOn) {

        static View of(LicenceCondition c) {
            return new View(c.id, c.caseId, c.person, c.kind, c.details, c.startsOn, c.endsOn);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public LicenceConditionService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> impose(UUID caseId, Impose request) {
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw Validation.invalid("endsOn", "must not be before startsOn");
        }
        return transactions.commit(() -> SupervisionCase.<SupervisionCase>findById(caseId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No supervision case " + caseId))
                .invoke(supervision -> {
                    if (supervision.status == SupervisionCase.Status.CLOSED) {
                        throw ProblemException.conflict("Supervision case " + caseId + " is closed");
                    }
                })
                .map(supervision -> condition(supervision, request))
                .call(condition -> condition.persist())
                .call(condition -> outbox.append(DomainEvent.of(ProbationEvents.CONDITION_IMPOSED, condition.person, View.of(condition))))
                .map(View::of));
    }

    @WithSession
    public Uni<List<View>> ofCase(UUID caseId) {
        return LicenceCondition.<LicenceCondition>list("caseId = ?1 order by startsOn", caseId)
                .map(list -> list.stream().map(View::of).toList());
    }

    private static LicenceCondition condition(SupervisionCase supervision, Impose request) {
        LicenceCondition condition = new LicenceCondition();
        condition.id = UUID.randomUUID();
        condition.caseId = supervision.id;
        condition.person = supervision.person;
        condition.kind = request.kind();
        condition.details = request.details();
        condition.startsOn = request.startsOn();
        condition.endsOn = request.endsOn();
        return condition;
    }
}
