package org.interlock.agency.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * Allocations of this agency's staff to persons, each naming who made it. Every change is an
 * event, and an allocation in force is also on the agency's state topic until it ends (a
 * tombstone then), from which the gateway keeps each user's caseload current (ADR 0012).
 */
@ApplicationScoped
public class AllocationService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final AgencyConfig config;
    private final AllocationEvents events;
    private final Actor actor;

    public AllocationService(Transactions transactions, Outbox outbox, AgencyConfig config, AllocationEvents events,
            Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.config = config;
        this.events = events;
        this.actor = actor;
    }

    /** An allocation made by the member of staff who acts. */
    public Uni<AllocationView> allocate(AllocationRequests.Allocate request) {
        if (request.role().agency() != config.agencyId()) {
            throw Validation.invalid("role", "must be " + roleOfThisAgency() + " in the " + config.agency() + " service");
        }
        String allocatedBy = actor.username();
        return transactions.commit(() -> record(request.person(), request.staff(), request.role(), request.startsOn(),
                allocatedBy));
    }

    /**
     * Records an allocation and its event in the caller's transaction: for a change that allocates
     * as part of something else (a partner organisation accepting a referral allocates its caseworker).
     */
    public Uni<AllocationView> record(String person, String staff, AllocationRole role, LocalDate startsOn,
            String allocatedBy) {
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.person = person;
        allocation.staff = staff;
        allocation.role = role;
        allocation.startsOn = startsOn;
        allocation.allocatedBy = allocatedBy;
        return allocation.<Allocation>persist()
                .call(saved -> outbox.appendWithState(DomainEvent.of(events.started(), saved.person,
                        AllocationView.of(saved)), saved.id))
                .map(AllocationView::of);
    }

    public Uni<AllocationView> end(UUID id, AllocationRequests.End request) {
        return transactions.commit(() -> Allocation.<Allocation>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No allocation " + id))
                .invoke(allocation -> checkCanEnd(allocation, request))
                .invoke(allocation -> allocation.endsOn = request.endsOn())
                .call(allocation -> outbox.appendEnding(DomainEvent.of(events.ended(), allocation.person,
                        AllocationView.of(allocation)), allocation.id))
                .map(AllocationView::of));
    }

    /**
     * Ends, in the caller's transaction, the member of staff's allocations to the person in the
     * role that are still running: for an allocation that existed only because of something that
     * has now ended (a partner caseworker's, once the referral it served is withdrawn or expires).
     */
    public Uni<Void> endRecorded(String person, String staff, AllocationRole role, LocalDate endsOn) {
        return Allocation.<Allocation>list("person = ?1 and staff = ?2 and role = ?3 and endsOn is null", person, staff,
                        role)
                .call(running -> Multi.createFrom().iterable(running)
                        .onItem().transformToUniAndConcatenate(allocation -> {
                            allocation.endsOn = endsOn.isBefore(allocation.startsOn) ? allocation.startsOn : endsOn;
                            return outbox.appendEnding(DomainEvent.of(events.ended(), allocation.person,
                                    AllocationView.of(allocation)), allocation.id);
                        })
                        .collect().last())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<AllocationView> find(UUID id) {
        return Allocation.<Allocation>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No allocation " + id))
                .map(AllocationView::of);
    }

    @WithSession
    public Uni<List<AllocationView>> ofPerson(String person) {
        return Allocation.<Allocation>list("person = ?1 order by startsOn", person)
                .map(list -> list.stream().map(AllocationView::of).toList());
    }

    @WithSession
    public Uni<List<AllocationView>> ofStaff(String staff) {
        return Allocation.<Allocation>list("staff = ?1 order by startsOn", staff)
                .map(list -> list.stream().map(AllocationView::of).toList());
    }

    private static void checkCanEnd(Allocation allocation, AllocationRequests.End request) {
        if (allocation.ended()) {
            throw ProblemException.conflict("Allocation " + allocation.id + " has already ended");
        }
        if (request.endsOn().isBefore(allocation.startsOn)) {
            throw Validation.invalid("endsOn", "must not be before startsOn (" + allocation.startsOn + ")");
        }
    }

    private AllocationRole roleOfThisAgency() {
        for (AllocationRole role : AllocationRole.values()) {
            if (role.agency() == config.agencyId()) {
                return role;
            }
        }
        throw new IllegalStateException("No allocation role for " + config.agency());
    }
}
