package org.interlock.prisons.custody;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.agency.plan.PlanService;
import org.interlock.contracts.EventType;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;
import org.interlock.prisons.PrisonsEvents;

/** Reception, transfer, release date, release and security category: each change an event of its own category. */
@ApplicationScoped
public class CustodyService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final PlanService plans;

    public CustodyService(Transactions transactions, Outbox outbox, PlanService plans) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.plans = plans;
    }

    public Uni<CustodyView> receive(CustodyRequests.Receive request) {
        CustodyEpisode episode = new CustodyEpisode();
        episode.id = UUID.randomUUID();
        episode.person = request.person();
        episode.prisonNumber = request.prisonNumber();
        episode.establishment = request.establishment();
        episode.securityCategory = request.securityCategory();
        episode.receivedOn = request.receivedOn();
        episode.status = CustodyStatus.IN_CUSTODY;
        return transactions.commit(() -> openEpisodeOf(request.person())
                .invoke(open -> {
                    if (open != null) {
                        throw ProblemException.conflict("The person is already in custody (episode " + open.id + ")");
                    }
                })
                .chain(() -> episode.<CustodyEpisode>persist())
                .call(saved -> outbox.append(DomainEvent.of(PrisonsEvents.RECEIVED, saved.person,
                        CustodyFacts.Reception.of(saved))))
                .call(saved -> outbox.append(DomainEvent.of(PrisonsEvents.SECURITY_CATEGORY_SET, saved.person,
                        CustodyFacts.Security.of(saved))))
                .map(CustodyView::of));
    }

    public Uni<CustodyView> transfer(UUID id, CustodyRequests.Transfer request) {
        return change(id, PrisonsEvents.TRANSFERRED, episode -> {
            requireInCustody(episode);
            requireNotBefore("transferredOn", request.transferredOn(), episode.receivedOn);
            episode.establishment = request.toEstablishment();
        }, episode -> new CustodyFacts.Transfer(episode.id, episode.person, episode.establishment, request.transferredOn()));
    }

    public Uni<CustodyView> setReleaseDate(UUID id, CustodyRequests.SetReleaseDate request) {
        return change(id, PrisonsEvents.RELEASE_DATE_SET, episode -> {
            requireInCustody(episode);
            requireNotBefore("releaseDate", request.releaseDate(), episode.receivedOn);
            episode.releaseDate = request.releaseDate();
        }, CustodyFacts.Release::of);
    }

    /** The release, and in the same transaction the hand-over of the person's sentence plan to probation (ADR 0016). */
    public Uni<CustodyView> release(UUID id, CustodyRequests.Release request) {
        return change(id, PrisonsEvents.RELEASED, episode -> {
            requireInCustody(episode);
            requireNotBefore("releasedOn", request.releasedOn(), episode.receivedOn);
            episode.status = CustodyStatus.RELEASED;
            episode.releasedOn = request.releasedOn();
        }, CustodyFacts.Release::of, episode -> plans.handOverAtRelease(episode.person, episode.releasedOn));
    }

    public Uni<CustodyView> setSecurityCategory(UUID id, CustodyRequests.SetSecurityCategory request) {
        return change(id, PrisonsEvents.SECURITY_CATEGORY_SET, episode -> {
            requireInCustody(episode);
            episode.securityCategory = request.securityCategory();
        }, CustodyFacts.Security::of);
    }

    @WithSession
    public Uni<CustodyView> find(UUID id) {
        return CustodyEpisode.<CustodyEpisode>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No custody episode " + id))
                .map(CustodyView::of);
    }

    @WithSession
    public Uni<List<CustodyView>> ofPerson(String person) {
        return CustodyEpisode.<CustodyEpisode>list("person = ?1 order by receivedOn", person)
                .map(list -> list.stream().map(CustodyView::of).toList());
    }

    /** The person's open episode, or null: what makes a person known to this service. */
    public static Uni<CustodyEpisode> openEpisodeOf(String person) {
        return CustodyEpisode.find("person = ?1 and status = ?2", person, CustodyStatus.IN_CUSTODY).firstResult();
    }

    /** Applies a change and appends its event, which carries the facts of its own category only. */
    private Uni<CustodyView> change(UUID id, EventType type, Consumer<CustodyEpisode> mutation,
            Function<CustodyEpisode, Object> facts) {
        return change(id, type, mutation, facts, episode -> Uni.createFrom().voidItem());
    }

    /** The same, then {@code consequence} of the change, in its transaction. */
    private Uni<CustodyView> change(UUID id, EventType type, Consumer<CustodyEpisode> mutation,
            Function<CustodyEpisode, Object> facts, Function<CustodyEpisode, Uni<Void>> consequence) {
        return transactions.commit(() -> CustodyEpisode.<CustodyEpisode>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No custody episode " + id))
                .invoke(mutation)
                .call(episode -> outbox.append(DomainEvent.of(type, episode.person, facts.apply(episode))))
                .call(episode -> consequence.apply(episode))
                .map(CustodyView::of));
    }

    private static void requireInCustody(CustodyEpisode episode) {
        if (episode.status != CustodyStatus.IN_CUSTODY) {
            throw ProblemException.conflict("Custody episode " + episode.id + " has ended");
        }
    }

    private static void requireNotBefore(String field, LocalDate date, LocalDate receivedOn) {
        if (date.isBefore(receivedOn)) {
            throw Validation.invalid(field, "must not be before receivedOn (" + receivedOn + ")");
        }
    }
}
