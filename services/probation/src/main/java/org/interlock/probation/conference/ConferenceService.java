package org.interlock.probation.conference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.probation.ProbationEvents;

/**
 * Case conferences (ADR 0019): convened by whoever acts (the gateway having decided they hold the
 * authority to convene, and that the chair and every invitee are known staff), cancelled,
 * minuted by their chair; actions assigned to an agency or organisation, completed, and raised
 * as overdue to the chair once past their date. The conference's state is on probation's state
 * topic while it stands: it is what opens each invitee's pack.
 */
@ApplicationScoped
public class ConferenceService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public ConferenceService(Transactions transactions, Outbox outbox, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.actor = actor;
    }

    public Uni<ConferenceView> convene(ConferenceRequests.Convene request) {
        if (!request.meetsAt().isAfter(OffsetDateTime.now(clock))) {
            throw Validation.invalid("meetsAt", "must be in the future");
        }
        Conference conference = new Conference();
        conference.id = UUID.randomUUID();
        conference.person = request.person();
        conference.meetsAt = request.meetsAt().withOffsetSameInstant(ZoneOffset.UTC);
        conference.chair = request.chair();
        conference.invitees = Conference.join(request.invitees().stream().distinct().sorted().toList());
        conference.organisations = Conference.join(request.organisations().stream().distinct().sorted().toList());
        conference.purpose = request.purpose();
        conference.convenedBy = actor.username();
        conference.status = Conference.Status.CONVENED;
        return transactions.commit(() -> conference.<Conference>persist()
                .call(saved -> outbox.appendWithState(terms(ProbationEvents.CONFERENCE_CONVENED, saved), saved.id))
                .map(ConferenceView::of));
    }

    /** Closes every pack at once: the conference leaves the state topic. */
    public Uni<ConferenceView> cancel(UUID id, ConferenceRequests.Cancel request) {
        return transactions.commit(() -> standing(id)
                .invoke(conference -> {
                    conference.status = Conference.Status.CANCELLED;
                    conference.cancelledReason = request.reason();
                })
                .call(conference -> outbox.appendEnding(terms(ProbationEvents.CONFERENCE_CANCELLED, conference), conference.id))
                .map(ConferenceView::of));
    }

    /** Only the chair minutes the meeting, once it has begun. */
    public Uni<ConferenceView> minute(UUID id, ConferenceRequests.Minutes request) {
        return transactions.commit(() -> standing(id)
                .invoke(conference -> {
                    if (!conference.chair.equals(actor.username())) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "Only the conference's chair records its minutes");
                    }
                    if (conference.meetsAt.isAfter(OffsetDateTime.now(clock))) {
                        throw ProblemException.conflict("Conference " + id + " has not met yet");
                    }
                    conference.minutes = request.minutes();
                    conference.minutesRecordedAt = OffsetDateTime.now(clock);
                })
                .call(conference -> outbox.append(DomainEvent.of(ProbationEvents.CONFERENCE_MINUTED, conference.person,
                        ConferenceView.Minuted.of(conference))))
                .map(ConferenceView::of));
    }

    /** An action for probation itself or for an agency or organisation the conference names. */
    public Uni<ConferenceView.Action> assign(UUID id, ConferenceRequests.Assign request) {
        if (request.dueOn().isBefore(today())) {
            throw Validation.invalid("dueOn", "must not be in the past");
        }
        return transactions.commit(() -> standing(id)
                .map(conference -> {
                    if (!"probation".equals(request.owner())
                            && !Conference.split(conference.organisations).contains(request.owner())) {
                        throw Validation.invalid("owner", "must be probation or an agency or organisation the conference names");
                    }
                    ConferenceAction action = new ConferenceAction();
                    action.id = UUID.randomUUID();
                    action.conferenceId = conference.id;
                    action.person = conference.person;
                    action.owner = request.owner();
                    action.assignee = request.assignee();
                    action.description = request.description();
                    action.dueOn = request.dueOn();
                    action.status = ConferenceAction.Status.OPEN;
                    action.assignedBy = actor.username();
                    return action;
                })
                .call(action -> action.persist())
                .call(action -> outbox.append(action(ProbationEvents.ACTION_ASSIGNED, action)))
                .map(ConferenceView.Action::of));
    }

    public Uni<ConferenceView.Action> complete(UUID actionId, ConferenceRequests.Complete request) {
        return transactions.commit(() -> ConferenceAction.<ConferenceAction>findById(actionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No conference action " + actionId))
                .invoke(action -> {
                    if (action.status == ConferenceAction.Status.DONE) {
                        throw ProblemException.conflict("Conference action " + actionId + " is already done");
                    }
                    action.status = ConferenceAction.Status.DONE;
                    action.outcome = request.outcome();
                })
                .call(action -> outbox.append(action(ProbationEvents.ACTION_COMPLETED, action)))
                .map(ConferenceView.Action::of));
    }

    /** Raises each open action past its date as overdue, once, with its event to the chair and the owner. */
    Uni<Void> raiseOverdue() {
        return transactions.commit(() -> ConferenceAction.<ConferenceAction>list("status = ?1 and dueOn < ?2",
                        ConferenceAction.Status.OPEN, today())
                .onItem().transformToMulti(overdue -> Multi.createFrom().iterable(overdue))
                .onItem().transformToUniAndConcatenate(action -> {
                    action.status = ConferenceAction.Status.OVERDUE;
                    return outbox.append(action(ProbationEvents.ACTION_OVERDUE, action));
                })
                .collect().last()
                .replaceWithVoid());
    }

    @WithSession
    public Uni<ConferenceView> find(UUID id) {
        return conference(id).map(ConferenceView::of);
    }

    @WithSession
    public Uni<List<ConferenceView>> ofPerson(String person) {
        return Conference.<Conference>list("person = ?1 order by meetsAt, id", person)
                .map(list -> list.stream().map(ConferenceView::of).toList());
    }

    @WithSession
    public Uni<ConferenceView.Action> action(UUID id) {
        return ConferenceAction.<ConferenceAction>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No conference action " + id))
                .map(ConferenceView.Action::of);
    }

    /** The actions naming the verified caller as assignee, the open ones first, soonest due first. */
    @WithSession
    public Uni<List<ConferenceView.Action>> assignedToCaller() {
        if (!actor.isKnown()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHENTICATED,
                    "Who reads is not vouched for: only the gateway can ask what is assigned to its caller"));
        }
        return ConferenceAction.<ConferenceAction>list("assignee = ?1 order by dueOn, id", actor.username())
                .map(list -> list.stream()
                        .sorted(Comparator.comparing(a -> a.status == ConferenceAction.Status.DONE))
                        .map(ConferenceView.Action::of).toList());
    }

    @WithSession
    public Uni<List<ConferenceView.Action>> actionsOf(UUID id) {
        return ConferenceAction.<ConferenceAction>list("conferenceId = ?1 order by dueOn, id", id)
                .map(list -> list.stream().map(ConferenceView.Action::of).toList());
    }

    private static DomainEvent terms(org.interlock.contracts.EventType type, Conference conference) {
        return DomainEvent.of(type, conference.person, ConferenceView.Terms.of(conference));
    }

    private static DomainEvent action(org.interlock.contracts.EventType type, ConferenceAction action) {
        return DomainEvent.of(type, action.person, ConferenceView.Action.of(action));
    }

    private static Uni<Conference> standing(UUID id) {
        return conference(id).invoke(conference -> {
            if (conference.status == Conference.Status.CANCELLED) {
                throw ProblemException.conflict("Conference " + id + " was cancelled");
            }
        });
    }

    private static Uni<Conference> conference(UUID id) {
        return Conference.<Conference>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No conference " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
