package org.interlock.probation.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;
import org.interlock.probation.ProbationEvents;

/** Supervision cases: opening, MAPPA, breach, recall, closing; each change one event. */
@ApplicationScoped
public class CaseService {

    private final Transactions transactions;
    private final Outbox outbox;

    public CaseService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<CaseView> open(CaseRequests.Open request) {
        return transactions.commit(() -> openCase(request.person(), request.basis(), request.openedOn())
                .onItem().ifNull().failWith(() -> ProblemException.conflict("The person is already supervised")));
    }

    /**
     * Opens a case in the caller's transaction, or answers null when the person already has an
     * open case: the release reaction calls this for every release it is told of.
     */
    public Uni<CaseView> openCase(String person, SupervisionCase.Basis basis, LocalDate openedOn) {
        return openCaseOf(person).onItem().transformToUni(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            SupervisionCase supervision = new SupervisionCase();
            supervision.id = UUID.randomUUID();
            supervision.person = person;
            supervision.caseReference = newCaseReference();
            supervision.basis = basis;
            supervision.status = SupervisionCase.Status.OPEN;
            supervision.openedOn = openedOn;
            return supervision.<SupervisionCase>persist()
                    .call(saved -> outbox.append(DomainEvent.of(ProbationEvents.CASE_OPENED, saved.person, CaseFacts.Case.of(saved))))
                    .map(CaseView::of);
        });
    }

    public Uni<CaseView> setMappa(UUID id, CaseRequests.SetMappa request) {
        return change(id, ProbationEvents.MAPPA_SET, supervision -> {
            requireActive(supervision);
            supervision.mappaCategory = request.category();
            supervision.mappaLevel = request.level();
        }, CaseFacts.Mappa::of);
    }

    public Uni<CaseView> recordBreach(UUID id, CaseRequests.RecordBreach request) {
        return change(id, ProbationEvents.BREACH_RECORDED, supervision -> {
            requireActive(supervision);
            requireNotBefore("reportedOn", request.reportedOn(), supervision.openedOn);
        }, supervision -> new CaseFacts.Breach(supervision.id, supervision.person, request.reportedOn(),
                request.description()));
    }

    public Uni<CaseView> recall(UUID id, CaseRequests.Recall request) {
        return change(id, ProbationEvents.RECALLED, supervision -> {
            requireActive(supervision);
            requireNotBefore("recalledOn", request.recalledOn(), supervision.openedOn);
            supervision.status = SupervisionCase.Status.RECALLED;
        }, supervision -> new CaseFacts.Recall(supervision.id, supervision.person, supervision.status,
                request.recalledOn(), request.reason()));
    }

    public Uni<CaseView> close(UUID id, CaseRequests.Close request) {
        return change(id, ProbationEvents.CASE_CLOSED, supervision -> {
            if (supervision.status == SupervisionCase.Status.CLOSED) {
                throw ProblemException.conflict("Supervision case " + supervision.id + " is closed");
            }
            requireNotBefore("closedOn", request.closedOn(), supervision.openedOn);
            supervision.status = SupervisionCase.Status.CLOSED;
            supervision.closedOn = request.closedOn();
        }, CaseFacts.Case::of);
    }

    @WithSession
    public Uni<CaseView> find(UUID id) {
        return findCase(id).map(CaseView::of);
    }

    @WithSession
    public Uni<List<CaseView>> ofPerson(String person) {
        return SupervisionCase.<SupervisionCase>list("person = ?1 order by openedOn", person)
                .map(list -> list.stream().map(CaseView::of).toList());
    }

    /** The person's case that is open or recalled, or null: what makes a person known here. */
    public static Uni<SupervisionCase> openCaseOf(String person) {
        return SupervisionCase.find("person = ?1 and status <> ?2", person, SupervisionCase.Status.CLOSED).firstResult();
    }

    static Uni<SupervisionCase> findCase(UUID id) {
        return SupervisionCase.<SupervisionCase>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No supervision case " + id));
    }

    /** Applies a change and appends its event, which carries the facts of its own category only. */
    private Uni<CaseView> change(UUID id, EventType type, Consumer<SupervisionCase> mutation,
            Function<SupervisionCase, Object> facts) {
        return transactions.commit(() -> findCase(id)
                .invoke(mutation)
                .call(supervision -> outbox.append(DomainEvent.of(type, supervision.person, facts.apply(supervision))))
                .map(CaseView::of));
    }

    private static void requireActive(SupervisionCase supervision) {
        if (supervision.status != SupervisionCase.Status.OPEN) {
            throw ProblemException.conflict("Supervision case " + supervision.id + " is " + supervision.status);
        }
    }

    private static void requireNotBefore(String field, LocalDate date, LocalDate openedOn) {
        if (date.isBefore(openedOn)) {
            throw Validation.invalid(field, "must not be before openedOn (" + openedOn + ")");
        }
    }

    private static String newCaseReference() {
        return "PB" + (100000000 + ThreadLocalRandom.current().nextInt(900000000));
    }
}
