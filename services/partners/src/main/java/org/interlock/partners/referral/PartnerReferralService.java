package org.interlock.partners.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.allocation.AllocationRole;
import org.interlock.agency.allocation.AllocationService;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.partners.PartnersEvents;
import org.interlock.partners.organisation.Organisation;
import org.interlock.partners.organisation.OrganisationService;
import org.interlock.platform.problem.ProblemException;

/**
 * Referrals made to partner organisations: received from the inbox as the statutory agencies make,
 * withdraw and expire them, and answered by the organisation's partner manager. Accepting
 * allocates the caseworker in the same transaction, so that a referral is never accepted without
 * its caseworker nor a caseworker allocated without an accepted referral. An accepted referral is
 * on the partners' state topic until it ends: declined never gets there, and a withdrawal or
 * expiry received from the referring agency leaves a tombstone (ADR 0012).
 */
@ApplicationScoped
public class PartnerReferralService {

    /** At most this many of an organisation's referrals in one listing of everyone's. */
    static final int LISTED = 200;

    private final Transactions transactions;
    private final Outbox outbox;
    private final AllocationService allocations;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public PartnerReferralService(Transactions transactions, Outbox outbox, AllocationService allocations, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.allocations = allocations;
        this.actor = actor;
    }

    /** The manager who acts accepts and allocates the caseworker, from today. */
    public Uni<PartnerReferralView> accept(UUID id, ReferralAnswers.Accept request) {
        String manager = actor.username();
        LocalDate today = today();
        return transactions.commit(() -> findOpen(id)
                .call(referral -> OrganisationService.activeOrganisation(referral.organisation))
                .invoke(referral -> {
                    referral.status = PartnerReferralStatus.ACCEPTED;
                    referral.caseworker = request.caseworker();
                    referral.answeredBy = manager;
                    referral.answeredOn = today;
                })
                .call(referral -> outbox.appendWithState(event(PartnersEvents.REFERRAL_ACCEPTED, referral), referral.id))
                .call(referral -> allocations.record(referral.person, referral.caseworker,
                        AllocationRole.PARTNER_CASEWORKER, today, manager))
                .map(PartnerReferralView::of));
    }

    public Uni<PartnerReferralView> decline(UUID id) {
        String manager = actor.username();
        LocalDate today = today();
        return transactions.commit(() -> findOpen(id)
                .invoke(referral -> {
                    referral.status = PartnerReferralStatus.DECLINED;
                    referral.answeredBy = manager;
                    referral.answeredOn = today;
                })
                .call(referral -> outbox.appendEnding(event(PartnersEvents.REFERRAL_DECLINED, referral), referral.id))
                .map(PartnerReferralView::of));
    }

    @WithSession
    public Uni<PartnerReferralView> find(UUID id) {
        return findReferral(id).map(PartnerReferralView::of);
    }

    /**
     * The referrals made to one organisation, of one person (or of everyone when {@code person} is
     * null: the {@value #LISTED} ending last), soonest ending first.
     */
    @WithSession
    public Uni<List<PartnerReferralView>> held(String organisation, String person) {
        return Organisation.<Organisation>findById(organisation)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No organisation " + organisation))
                .chain(() -> person != null
                        ? PartnerReferral.<PartnerReferral>list("organisation = ?1 and person = ?2 order by endsOn, id",
                                organisation, person)
                        : PartnerReferral.<PartnerReferral>find("organisation = ?1 order by endsOn desc, id",
                                organisation).page(0, LISTED).list()
                                .map(list -> list.reversed()))
                .map(list -> list.stream().map(PartnerReferralView::of).toList());
    }

    /**
     * A referral event routed to the organisation, in the inbox's transaction: a made referral is
     * kept open (once, however often its copy comes); a withdrawn or expired one ends, unless it
     * has ended already (a declined referral stays declined).
     */
    Uni<Void> received(ReferralCopy copy) {
        return Organisation.<Organisation>findById(copy.organisation())
                .onItem().ifNull().failWith(() -> new UnprocessableEvent("recipient is not an organisation of this service"))
                .chain(() -> PartnerReferral.<PartnerReferral>findById(copy.id()))
                .chain(held -> switch (copy.kind()) {
                    case MADE -> held == null ? keep(copy) : Uni.createFrom().voidItem();
                    case WITHDRAWN -> end(held, copy, PartnerReferralStatus.WITHDRAWN);
                    case EXPIRED -> end(held, copy, PartnerReferralStatus.EXPIRED);
                });
    }

    private static Uni<Void> keep(ReferralCopy copy) {
        PartnerReferral referral = new PartnerReferral();
        referral.id = copy.id();
        referral.person = copy.person();
        referral.organisation = copy.organisation();
        referral.origin = copy.origin();
        referral.purposes = String.join(",", copy.purposes());
        referral.categories = String.join(",", copy.categories());
        referral.endsOn = copy.endsOn();
        referral.status = PartnerReferralStatus.OPEN;
        return referral.persist().replaceWithVoid();
    }

    /**
     * An accepted referral that ends leaves the state topic (the referring agency's event is the
     * cause), and so does the caseworker's allocation it brought, unless another accepted referral
     * of the person to the organisation still needs that caseworker.
     */
    private Uni<Void> end(PartnerReferral held, ReferralCopy copy, PartnerReferralStatus ended) {
        if (held == null || !held.organisation.equals(copy.organisation()) || !held.person.equals(copy.person())) {
            throw new UnprocessableEvent("referral copy that ends a referral the organisation was never made");
        }
        boolean wasAccepted = held.status == PartnerReferralStatus.ACCEPTED;
        if (held.status == PartnerReferralStatus.OPEN || wasAccepted) {
            held.status = ended;
        }
        return wasAccepted
                ? outbox.appendTombstone(PartnersEvents.REFERRAL_ACCEPTED.category(), held.id, held.person, copy.type())
                        .chain(() -> endCaseworkerAllocation(held))
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> endCaseworkerAllocation(PartnerReferral ended) {
        return PartnerReferral.count("person = ?1 and organisation = ?2 and caseworker = ?3 and status = ?4 and id <> ?5",
                        ended.person, ended.organisation, ended.caseworker, PartnerReferralStatus.ACCEPTED, ended.id)
                .chain(stillAccepted -> stillAccepted > 0 ? Uni.createFrom().voidItem()
                        : allocations.endRecorded(ended.person, ended.caseworker, AllocationRole.PARTNER_CASEWORKER,
                                today()));
    }

    private static DomainEvent event(EventType type, PartnerReferral referral) {
        return DomainEvent.of(type, referral.person, PartnerReferralView.of(referral));
    }

    private static Uni<PartnerReferral> findOpen(UUID id) {
        return findReferral(id).invoke(referral -> {
            if (referral.status != PartnerReferralStatus.OPEN) {
                throw ProblemException.conflict("Referral " + id + " is " + referral.status + ", not open: it cannot be answered");
            }
        });
    }

    private static Uni<PartnerReferral> findReferral(UUID id) {
        return PartnerReferral.<PartnerReferral>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No referral " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
