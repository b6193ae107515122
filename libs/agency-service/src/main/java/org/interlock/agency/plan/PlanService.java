package org.interlock.agency.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.actor.RecordedBy;
import org.interlock.agency.allocation.Allocation;
import org.interlock.agency.allocation.AllocationRole;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.Agency;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Sentence plans (ADR 0016): revised only by the person's allocated lead in the agency that holds
 * the plan (403 for anyone else, whatever their role), for a person in this agency's care, while it
 * holds the plan (409 once handed over); each revision a new version with its reason, published
 * whole (plan.sentence) and, to each organisation responsible for an objective, only that
 * organisation's objectives (plan.objectives). Who revised is the verified actor, never the body.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.sentence-plans", stringValue = "true")
public class PlanService {

    /** The reason of the version with which the agency on licence continues a plan handed over. */
    public static final String HANDED_OVER_REASON = "handed over at release";

    private final Transactions transactions;
    private final Outbox outbox;
    private final PlanEvents events;
    private final PlanRecords records;
    private final PlanScope scope;
    private final Actor actor;
    private final Agency agency;
    private final Clock clock = Clock.systemUTC();

    public PlanService(Transactions transactions, Outbox outbox, PlanEvents events, PlanRecords records,
            PlanScope scope, Actor actor, AgencyConfig config) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.events = events;
        this.records = records;
        this.scope = scope;
        this.actor = actor;
        this.agency = config.agencyId();
    }

    /** The next version of the person's plan (the first makes it), by the actor, who must be their allocated lead here. */
    public Uni<PlanView> revise(PlanRequests.Revise request) {
        String revisedBy = actor.username();
        return transactions.commit(() -> requireLead(request.person(), revisedBy)
                        .chain(() -> planNotHandedOver(request.person()))
                        .call(() -> requireInCare(request.person()))
                        .chain(plan -> plan != null ? Uni.createFrom().item(plan)
                                : records.newPlan(request.person(), agency))
                        .chain(plan -> revise(plan, request, revisedBy)))
                .onFailure(PlanRecords::concurrentChange).transform(e -> ProblemException.conflict(
                        "The person's sentence plan changed at the same moment; read it and revise again"));
    }

    /** Every version of the person's plan this agency made, oldest first. */
    @WithSession
    public Uni<List<PlanView>> history(String person) {
        return PlanRevision.<PlanRevision>list("person = ?1 order by version", person)
                .map(revisions -> revisions.stream().map(records::view).toList());
    }

    /**
     * At release, in the release's transaction: the plan held in custody passes to the agency on
     * licence. Nothing when the person has no plan here, or it was handed over already.
     */
    public Uni<Void> handOverAtRelease(String person, LocalDate releasedOn) {
        if (agency != PlanEvents.IN_CUSTODY) {
            throw new IllegalStateException("Only " + PlanEvents.IN_CUSTODY.id() + " hands plans over at release");
        }
        return SentencePlan.<SentencePlan>find("person = ?1 and status = ?2", person, PlanStatus.HELD).firstResult()
                .chain(plan -> plan == null ? Uni.createFrom().voidItem() : handOver(plan, releasedOn));
    }

    /**
     * In the agency on licence, in the inbox's transaction: continues the plan handed over, from
     * the version named, as the next version of the same plan. Once only: a plan already continued
     * here changes nothing. A hand-over that would make a second plan of the person here (or give
     * the plan to another person) can never be continued: dead-lettered, not retried.
     */
    Uni<Void> continueHandedOver(PlanHandOver handOver) {
        return SentencePlan.<SentencePlan>find("id = ?1 or person = ?2", handOver.plan(), handOver.person())
                .firstResult()
                .chain(existing -> {
                    if (existing == null) {
                        return records.handedOverVersion(handOver)
                                .chain(received -> continueFrom(handOver, received)).replaceWithVoid();
                    }
                    if (!existing.id.equals(handOver.plan()) || !existing.person.equals(handOver.person())) {
                        throw new UnprocessableEvent("hand-over of a sentence plan where another plan of the person,"
                                + " or another person's plan, is held here");
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<PlanView> revise(SentencePlan plan, PlanRequests.Revise request, String revisedBy) {
        return records.latestObjectives(plan).chain(previous -> {
            RevisionRules.Checked checked = RevisionRules.check(request, previous, agency, UUID::randomUUID);
            return Responsibilities.confirm(plan.person, checked.lookups(), today())
                    .chain(() -> record(plan, request.reason(), checked.objectives(), previous, revisedBy, today()));
        });
    }

    private Uni<PlanView> continueFrom(PlanHandOver handOver, List<Objective> objectives) {
        SentencePlan plan = new SentencePlan();
        plan.id = handOver.plan();
        plan.person = handOver.person();
        plan.status = PlanStatus.HELD;
        plan.currentVersion = handOver.version();
        return plan.<SentencePlan>persist()
                .chain(saved -> record(saved, HANDED_OVER_REASON, objectives, List.of(),
                        RecordedBy.SYSTEM_PREFIX + agency.id(), handOver.handedOverOn()));
    }

    /**
     * Writes the next version and its events. {@code before} are the objectives the organisations
     * were last given by this agency: one no longer responsible is told it has none left.
     */
    private Uni<PlanView> record(SentencePlan plan, String reason, List<Objective> objectives, List<Objective> before,
            String revisedBy, LocalDate on) {
        PlanRevision revision = records.next(plan, agency, reason, objectives, revisedBy, on);
        plan.currentVersion = revision.version;
        PlanView view = records.view(revision);
        return revision.<PlanRevision>persist()
                .call(() -> outbox.append(DomainEvent.of(events.revised(), plan.person, view)))
                .call(() -> assignObjectives(view, before))
                .replaceWith(view);
    }

    private Uni<Void> assignObjectives(PlanView view, List<Objective> before) {
        Set<String> organisations = new TreeSet<>(RevisionRules.organisations(before));
        organisations.addAll(RevisionRules.organisations(view.objectives()));
        return Multi.createFrom().iterable(organisations)
                .onItem().transformToUniAndConcatenate(organisation -> outbox.append(DomainEvent.of(
                        events.objectivesAssigned(), view.person(), new ObjectivesView(view.id(), view.person(),
                                organisation, view.version(), view.objectives().stream()
                                .filter(o -> organisation.equals(o.organisation())).toList()))))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> handOver(SentencePlan plan, LocalDate on) {
        plan.status = PlanStatus.HANDED_OVER;
        plan.handedOverOn = on;
        return outbox.append(DomainEvent.of(events.handedOver(), plan.person, new HandOverView(plan.id, plan.person,
                plan.currentVersion, agency.id(), PlanEvents.ON_LICENCE.id(), on))).replaceWithVoid();
    }

    /** The person's allocated lead in this agency, by an allocation in force; anyone else is refused whatever their role. */
    private Uni<Void> requireLead(String person, String username) {
        AllocationRole lead = leadRole();
        return Allocation.count("person = ?1 and staff = ?2 and role = ?3 and endsOn is null", person, username, lead)
                .invoke(count -> {
                    if (count == 0) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "Only the person's allocated "
                                + lead.name().toLowerCase().replace('_', ' ') + " revises their sentence plan");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireInCare(String person) {
        return scope.holds(person).invoke(held -> {
            if (!held) {
                throw ProblemException.unknownPerson(person);
            }
        }).replaceWithVoid();
    }

    /** The plan this agency holds for the person, or null if it holds none yet; 409 once handed over. */
    private static Uni<SentencePlan> planNotHandedOver(String person) {
        return SentencePlan.<SentencePlan>find("person = ?1", person).firstResult().invoke(plan -> {
            if (plan != null && plan.status == PlanStatus.HANDED_OVER) {
                throw ProblemException.conflict("The sentence plan was handed over to " + PlanEvents.ON_LICENCE.id()
                        + " at release on " + plan.handedOverOn + ": it is revised there now");
            }
        });
    }

    private AllocationRole leadRole() {
        for (AllocationRole role : AllocationRole.values()) {
            if (role.agency() == agency) {
                return role;
            }
        }
        throw new IllegalStateException("No allocation role for " + agency.id());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
