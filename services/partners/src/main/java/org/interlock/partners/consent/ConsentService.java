package org.interlock.partners.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.partners.PartnersEvents;
import org.interlock.partners.organisation.OrganisationService;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * The consent registry. Every change is published twice: as an event about the person on the
 * partners topic, and as the consent's latest state on the compacted {@code interlock.consents}
 * topic (keyed by consent id), from which the gateway keeps its view of consent.
 */
@ApplicationScoped
public class ConsentService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final Actor actor;
    private final Clock clock;

    public ConsentService(Transactions transactions, Outbox outbox, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.actor = actor;
        this.clock = Clock.systemUTC();
    }

    /** Obtained by whoever records it: the record names the caseworker who answers for it. */
    public Uni<ConsentView> grant(ConsentRequests.Grant request) {
        if (!request.obtainedBy().equals(actor.username())) {
            throw Validation.invalid("obtainedBy", "must be you, who record the consent");
        }
        if (request.validUntil().isBefore(request.validFrom())) {
            throw Validation.invalid("validUntil", "must not be before validFrom");
        }
        if (request.obtainedOn().isAfter(today())) {
            throw Validation.invalid("obtainedOn", "must not be in the future");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.person = request.person();
        consent.organisation = request.organisation();
        consent.categories = String.join(",", request.categories());
        consent.purposes = String.join(",", request.purposes());
        consent.validFrom = request.validFrom();
        consent.validUntil = request.validUntil();
        consent.obtainedHow = request.obtainedHow();
        consent.obtainedBy = request.obtainedBy();
        consent.obtainedOn = request.obtainedOn();
        consent.status = Consent.Status.ACTIVE;
        return transactions.commit(() -> OrganisationService.activeOrganisation(request.organisation())
                .chain(() -> consent.<Consent>persist())
                .call(saved -> publish(PartnersEvents.CONSENT_GRANTED, saved))
                .map(this::view));
    }

    public Uni<ConsentView> withdraw(UUID id, ConsentRequests.Withdraw request) {
        return transactions.commit(() -> findConsent(id)
                .invoke(consent -> {
                    if (consent.status != Consent.Status.ACTIVE) {
                        throw ProblemException.conflict("Consent " + id + " is already " + consent.status);
                    }
                    if (request.withdrawnOn().isBefore(consent.obtainedOn)) {
                        throw Validation.invalid("withdrawnOn", "must not be before obtainedOn (" + consent.obtainedOn + ")");
                    }
                    consent.status = Consent.Status.WITHDRAWN;
                    consent.withdrawnOn = request.withdrawnOn();
                })
                .call(consent -> publish(PartnersEvents.CONSENT_WITHDRAWN, consent))
                .map(this::view));
    }

    @WithSession
    public Uni<ConsentView> find(UUID id) {
        return findConsent(id).map(this::view);
    }

    /** A person's consents; with {@code activeOnly}, only those in force today. */
    @WithSession
    public Uni<List<ConsentView>> ofPerson(String person, boolean activeOnly) {
        LocalDate today = today();
        return Consent.<Consent>list("person = ?1 order by obtainedOn", person)
                .map(list -> list.stream()
                        .filter(consent -> !activeOnly || consent.activeOn(today))
                        .map(consent -> ConsentView.of(consent, today))
                        .toList());
    }

    /** Marks consents whose period has ended as expired, each with its event. */
    @Scheduled(every = "${interlock.consent.expiry-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expire() {
        return transactions.commit(() -> Consent.<Consent>list("status = ?1 and validUntil < ?2", Consent.Status.ACTIVE, today())
                .onItem().transformToMulti(expired -> Multi.createFrom().iterable(expired))
                .onItem().transformToUniAndConcatenate(consent -> {
                    consent.status = Consent.Status.EXPIRED;
                    return publish(PartnersEvents.CONSENT_EXPIRED, consent);
                })
                .collect().last()
                .replaceWithVoid());
    }

    private Uni<Void> publish(EventType type, Consent consent) {
        ConsentView view = view(consent);
        DomainEvent event = DomainEvent.of(type, consent.person, view);
        return outbox.append(event)
                .chain(() -> outbox.append(event.routedTo(PartnersEvents.CONSENTS_TOPIC, consent.id.toString())))
                .replaceWithVoid();
    }

    private ConsentView view(Consent consent) {
        return ConsentView.of(consent, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Uni<Consent> findConsent(UUID id) {
        return Consent.<Consent>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No consent " + id));
    }
}
