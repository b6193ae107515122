package org.interlock.intelligence.threat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.PersonReference;
import org.interlock.intelligence.IntelligenceEvents;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/** Raising and clearing threat flags. */
@ApplicationScoped
public class ThreatFlagService {

    public record Raise(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull ThreatFlag.Kind kind,
            @NotNull LocalDate raisedOn) {
    }

    public record Clear(@NotNull LocalDate clearedOn) {
    }

    public record View(UUID id, String person, ThreatFlag.Kind kind, LocalDate raisedOn, LocalDate clearedOn) {

        static View of(ThreatFlag f) {
            return new View(f.id, f.person, f.kind, f.raisedOn, f.clearedOn);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public ThreatFlagService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> raise(Raise request) {
        ThreatFlag flag = new ThreatFlag();
        flag.id = UUID.randomUUID();
        flag.person = request.person();
        flag.kind = request.kind();
        flag.raisedOn = request.raisedOn();
        return transactions.commit(() -> flag.<ThreatFlag>persist()
                .call(saved -> outbox.append(DomainEvent.of(IntelligenceEvents.FLAG_RAISED, saved.person, View.of(saved))))
                .map(View::of));
    }

    public Uni<View> clear(UUID id, Clear request) {
        return transactions.commit(() -> ThreatFlag.<ThreatFlag>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No threat flag " + id))
                .invoke(flag -> {
                    if (flag.clearedOn != null) {
                        throw ProblemException.conflict("Threat flag " + id + " is already cleared");
                    }
                    if (request.clearedOn().isBefore(flag.raisedOn)) {
                        throw Validation.invalid("clearedOn", "must not be before raisedOn (" + flag.raisedOn + ")");
                    }
                    flag.clearedOn = request.clearedOn();
                })
                .call(flag -> outbox.append(DomainEvent.of(IntelligenceEvents.FLAG_CLEARED, flag.person, View.of(flag))))
                .map(View::of));
    }

    @WithSession
    public Uni<View> find(UUID id) {
        return ThreatFlag.<ThreatFlag>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No threat flag " + id))
                .map(View::of);
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return ThreatFlag.<ThreatFlag>list("person = ?1 order by raisedOn", person)
                .map(list -> list.stream().map(View::of).toList());
    }
}
