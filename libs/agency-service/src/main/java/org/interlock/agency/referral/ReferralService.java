package org.interlock.agency.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * Referrals this agency's staff make to partner organisations: made (by whoever acts, the
 * gateway having decided they are the person's statutory lead), withdrawn, expired, each with its
 * event; accepted or declined as the organisation answers, which the partners service publishes.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.referrals", stringValue = "true")
public class ReferralService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final ReferralEvents events;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public ReferralService(Transactions transactions, Outbox outbox, ReferralEvents events, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.events = events;
        this.actor = actor;
    }

    public Uni<ReferralView> refer(ReferralRequests.Make request) {
        if (request.endsOn().isBefore(today())) {
            throw Validation.invalid("endsOn", "must not be in the past");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.person = request.person();
        referral.organisation = request.organisation();
        referral.purposes = Referral.join(request.purposes());
        referral.categories = Referral.join(request.categories());
        referral.reason = request.reason();
        referral.endsOn = request.endsOn();
        referral.referredBy = actor.username();
        referral.status = ReferralStatus.MADE;
        return transactions.commit(() -> referral.<Referral>persist()
                .call(saved -> outbox.appendWithState(event(events.made(), saved), saved.id))
                .map(ReferralView::of));
    }

    /** The referrer takes the referral back, whether or not the organisation has answered. */
    public Uni<ReferralView> withdraw(UUID id, ReferralRequests.Withdraw request) {
        return transactions.commit(() -> findReferral(id)
                .invoke(referral -> {
                    if (!referral.status.current()) {
                        throw ProblemException.conflict("Referral " + id + " has already ended (" + referral.status + ")");
                    }
                    referral.status = ReferralStatus.WITHDRAWN;
                    referral.withdrawnOn = request.withdrawnOn();
                })
                .call(referral -> outbox.appendEnding(event(events.withdrawn(), referral), referral.id))
                .map(ReferralView::of));
    }

    @WithSession
    public Uni<ReferralView> find(UUID id) {
        return findReferral(id).map(ReferralView::of);
    }

    @WithSession
    public Uni<List<ReferralView>> ofPerson(String person) {
        return Referral.<Referral>list("person = ?1 order by endsOn, id", person)
                .map(list -> list.stream().map(ReferralView::of).toList());
    }

    /** Ends every made or accepted referral whose end date has passed, each with its event. */
    Uni<Void> expireEnded() {
        return transactions.commit(() -> Referral.<Referral>list("status in ?1 and endsOn < ?2",
                        List.of(ReferralStatus.MADE, ReferralStatus.ACCEPTED), today())
                .onItem().transformToMulti(ended -> Multi.createFrom().iterable(ended))
                .onItem().transformToUniAndConcatenate(referral -> {
                    referral.status = ReferralStatus.EXPIRED;
                    return outbox.appendEnding(event(events.expired(), referral), referral.id);
                })
                .collect().last()
                .replaceWithVoid());
    }

    /**
     * The organisation's answer, in the inbox's transaction. Only a referral that is still only
     * made takes it: an answer to one withdrawn or expired meanwhile, or a redelivered answer,
     * changes nothing. An answer to a referral this service never made is not for it. A decline
     * ends the referral, so its state leaves the state topic (a tombstone); an acceptance leaves
     * it there as made: the organisation's acceptance is on the partners' state topic.
     */
    Uni<Void> answered(ReferralAnswer answer) {
        return Referral.<Referral>findById(answer.id())
                .chain(referral -> {
                    if (referral == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!referral.person.equals(answer.person())
                            || (answer.organisation() != null && !referral.organisation.equals(answer.organisation()))) {
                        throw new UnprocessableEvent("referral answer about another person or from another organisation");
                    }
                    if (referral.status != ReferralStatus.MADE) {
                        return Uni.createFrom().voidItem();
                    }
                    referral.status = answer.status();
                    return answer.status() == ReferralStatus.DECLINED
                            ? outbox.appendTombstone(events.made().category(), referral.id, referral.person, answer.type())
                            : Uni.createFrom().voidItem();
                });
    }

    private static DomainEvent event(EventType type, Referral referral) {
        return DomainEvent.of(type, referral.person, ReferralView.of(referral));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Uni<Referral> findReferral(UUID id) {
        return Referral.<Referral>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No referral " + id));
    }
}
