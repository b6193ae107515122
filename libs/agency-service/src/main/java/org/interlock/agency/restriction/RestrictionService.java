package org.interlock.agency.restriction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.platform.problem.ProblemException;

/** Restrictions of persons' records to named staff: imposed and lifted by whoever acts, each with its event. */
@ApplicationScoped
@IfBuildProperty(name = "interlock.restrictions", stringValue = "true")
public class RestrictionService {

    private final Transactions transactions;
    private final Outbox outbox;
    private final RestrictionEvents events;
    private final Actor actor;
    private final Clock clock = Clock.systemUTC();

    public RestrictionService(Transactions transactions, Outbox outbox, RestrictionEvents events, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.events = events;
        this.actor = actor;
    }

    public Uni<RestrictionView> impose(RestrictionRequests.Impose request) {
        Restriction restriction = new Restriction();
        restriction.id = UUID.randomUUID();
        restriction.person = request.person();
        restriction.staff = String.join(",", request.staff().stream().distinct().toList());
        restriction.reason = request.reason();
        restriction.imposedBy = actor.username();
        restriction.imposedOn = today();
        restriction.status = RestrictionStatus.ACTIVE;
        return transactions.commit(() -> restriction.<Restriction>persist()
                .call(saved -> outbox.appendWithState(event(events.imposed(), saved), saved.id))
                .map(RestrictionView::of));
    }

    public Uni<RestrictionView> lift(UUID id) {
        return transactions.commit(() -> findRestriction(id)
                .invoke(restriction -> {
                    if (restriction.status != RestrictionStatus.ACTIVE) {
                        throw ProblemException.conflict("Restriction " + id + " has already been lifted");
                    }
                    restriction.status = RestrictionStatus.LIFTED;
                    restriction.liftedOn = today();
                })
                .call(restriction -> outbox.appendEnding(event(events.lifted(), restriction), restriction.id))
                .map(RestrictionView::of));
    }

    @WithSession
    public Uni<RestrictionView> find(UUID id) {
        return findRestriction(id).map(RestrictionView::of);
    }

    @WithSession
    public Uni<List<RestrictionView>> ofPerson(String person) {
        return Restriction.<Restriction>list("person = ?1 order by imposedOn, id", person)
                .map(list -> list.stream().map(RestrictionView::of).toList());
    }

    /** The change as an event; a restriction in force is also on the state topic until lifted (ADR 0012). */
    private static DomainEvent event(EventType type, Restriction restriction) {
        return DomainEvent.of(type, restriction.person, RestrictionView.of(restriction));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Uni<Restriction> findRestriction(UUID id) {
        return Restriction.<Restriction>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No restriction " + id));
    }
}
