package org.interlock.agency.intervention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.intervention.InterventionView.ParticipantView;
import org.interlock.agency.intervention.InterventionView.SessionView;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.agency.referral.Referral;
import org.interlock.agency.referral.ReferralStatus;
import org.interlock.platform.problem.ProblemException;

/**
 * Interventions this agency arranges (ADR 0017): arranged by whoever acts (the gateway having
 * decided they may write the person's records here), with their participants; sessions and outcome
 * recorded here only when this agency delivers it (a partner organisation records its own in the
 * partners service); a participant's consent withdrawn, which empties their details. Each change is
 * one event per category of facts it touches.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.interventions", stringValue = "true")
public class InterventionService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final InterventionEvents events;
    private final InterventionChecks checks;
    private final Actor actor;
    private final String agency;
    private final Clock clock = Clock.systemUTC();

    public InterventionService(Transactions transactions, Outbox outbox, InterventionEvents events, Actor actor,
            AgencyConfig config) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.events = events;
        this.actor = actor;
        this.agency = config.agencyId().id();
        this.checks = new InterventionChecks(agency);
    }

    public Uni<InterventionView> arrange(InterventionRequests.Arrange request) {
        checks.arrangement(request, today());
        Intervention intervention = new Intervention();
        intervention.id = UUID.randomUUID();
        intervention.person = request.person();
        intervention.type = request.type();
        intervention.providerAgency = request.providerAgency();
        intervention.organisation = request.providerOrganisation();
        intervention.startsOn = request.startsOn();
        intervention.endsOn = request.endsOn();
        intervention.arrangedBy = actor.username();
        intervention.status = InterventionStatus.ARRANGED;
        return transactions.commit(() -> referralDeliveredWithin(intervention)
                .chain(referral -> {
                    intervention.referral = referral;
                    return intervention.<Intervention>persist();
                })
                .call(saved -> outbox.append(DomainEvent.of(events.arranged(), saved.person, InterventionView.of(saved))))
                .call(saved -> participants(saved, request.participantsOrNone()))
                .map(InterventionView::of));
    }

    /** A session of an intervention this agency delivers. */
    public Uni<SessionView> recordSession(UUID id, InterventionRequests.Session request) {
        return transactions.commit(() -> findIntervention(id)
                .invoke(intervention -> checks.session(intervention, request))
                .chain(intervention -> {
                    InterventionSession session = new InterventionSession();
                    session.id = UUID.randomUUID();
                    session.intervention = intervention.id;
                    session.sessionOn = request.sessionOn();
                    session.attendance = request.attendance();
                    session.recordedBy = actor.username();
                    SessionView view = SessionView.of(session, intervention);
                    return session.<InterventionSession>persist()
                            .call(() -> outbox.append(DomainEvent.of(events.attendanceRecorded(), intervention.person, view)))
                            .replaceWith(view);
                }));
    }

    /** The outcome of an intervention this agency delivers: it ends it. */
    public Uni<InterventionView> recordOutcome(UUID id, InterventionRequests.Outcome request) {
        return transactions.commit(() -> findIntervention(id)
                .invoke(intervention -> {
                    checks.outcome(intervention, request);
                    intervention.status = request.outcome();
                    intervention.endedOn = request.endedOn();
                    intervention.outcomeNotes = request.notes();
                    intervention.outcomeBy = actor.username();
                })
                .call(intervention -> outbox.append(DomainEvent.of(events.outcomeRecorded(), intervention.person,
                        InterventionView.of(intervention))))
                .map(InterventionView::of));
    }

    /**
     * A participant withdraws their consent to take part: their name and contact are emptied here,
     * and the event tells the organisation that delivers the intervention to erase what it holds.
     */
    public Uni<ParticipantView> withdrawConsent(UUID id, UUID participantId,
            InterventionRequests.WithdrawConsent request) {
        return transactions.commit(() -> findIntervention(id)
                .chain(intervention -> InterventionParticipant.<InterventionParticipant>findById(participantId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("No participant " + participantId))
                        .invoke(participant -> {
                            checks.withdrawal(intervention, participant, request);
                            participant.consent = InterventionParticipant.Consent.WITHDRAWN;
                            participant.withdrawnOn = request.withdrawnOn();
                            participant.name = null;
                            participant.contact = null;
                        })
                        .map(participant -> ParticipantView.of(participant, intervention))
                        .call(view -> outbox.append(DomainEvent.of(events.participantConsentWithdrawn(),
                                intervention.person, view)))));
    }

    @WithSession
    public Uni<InterventionView> find(UUID id) {
        return findIntervention(id).map(InterventionView::of);
    }

    @WithSession
    public Uni<List<InterventionView>> ofPerson(String person) {
        return Intervention.<Intervention>list("person = ?1 order by startsOn, id", person)
                .map(list -> list.stream().map(InterventionView::of).toList());
    }

    @WithSession
    public Uni<List<SessionView>> sessions(UUID id) {
        return findIntervention(id).chain(intervention -> InterventionSession.<InterventionSession>list(
                        "intervention = ?1 order by sessionOn, id", id)
                .map(list -> list.stream().map(s -> SessionView.of(s, intervention)).toList()));
    }

    @WithSession
    public Uni<List<ParticipantView>> participants(UUID id) {
        return findIntervention(id).chain(intervention -> InterventionParticipant.<InterventionParticipant>list(
                        "intervention = ?1 order by id", id)
                .map(list -> list.stream().map(p -> ParticipantView.of(p, intervention)).toList()));
    }

    /**
     * An organisation delivers only within an accepted referral of the person to it, in force and
     * covering interventions (ADR 0011: a partner works with a person only inside one); an agency
     * delivers within none.
     */
    private Uni<UUID> referralDeliveredWithin(Intervention intervention) {
        if (!intervention.deliveredByOrganisation()) {
            return Uni.createFrom().nullItem();
        }
        return Referral.<Referral>list("person = ?1 and organisation = ?2 and status = ?3 and endsOn >= ?4",
                        intervention.person, intervention.organisation, ReferralStatus.ACCEPTED, today())
                .map(referrals -> referrals.stream()
                        .filter(referral -> Arrays.stream(referral.categories.split(","))
                                .anyMatch(InterventionChecks::coversInterventions))
                        .map(referral -> referral.id)
                        .findFirst()
                        .orElseThrow(() -> InterventionChecks.notReferred(intervention.organisation)));
    }

    private Uni<Void> participants(Intervention intervention,
            List<InterventionRequests.Participant> requested) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (InterventionRequests.Participant request : requested) {
            InterventionParticipant participant = new InterventionParticipant();
            participant.id = UUID.randomUUID();
            participant.intervention = intervention.id;
            participant.relationship = request.relationship();
            participant.relationshipDetail = request.relationshipDetail();
            participant.name = request.name();
            participant.contact = request.contact();
            participant.consent = request.consent();
            participant.consentGivenOn = request.consentGivenOn();
            participant.recordedBy = actor.username();
            chain = chain.chain(() -> participant.<InterventionParticipant>persist())
                    .chain(p -> outbox.append(DomainEvent.of(events.participantRecorded(), intervention.person,
                            ParticipantView.of(p, intervention))))
                    .replaceWithVoid();
        }
        return chain;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Uni<Intervention> findIntervention(UUID id) {
        return Intervention.<Intervention>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No intervention " + id));
    }
}
