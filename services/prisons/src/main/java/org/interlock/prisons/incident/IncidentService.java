package org.interlock.prisons.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.problem.ProblemException;
import org.interlock.prisons.PrisonsEvents;
import org.interlock.prisons.custody.CustodyService;

/** Custody incidents: recorded only for a person in custody here. */
@ApplicationScoped
public class IncidentService {

    public record Report(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull IncidentKind kind,
            @NotNull LocalDate occurredOn,
            @NotNull @Size(min = 1, max = 2000) String summary) {
    }

    public record View(UUID id, String person, IncidentKind kind, LocalDate occurredOn, String establishment,
            String summary) {

        static View of(Incident i) {
            return new View(i.id, i.person, i.kind, i.occurredOn, i.establishment, i.summary);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public IncidentService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> record(Report report) {
        return transactions.commit(() -> CustodyService.openEpisodeOf(report.person())
                .onItem().ifNull().failWith(() -> ProblemException.unknownPerson(report.person()))
                .map(episode -> {
                    Incident incident = new Incident();
                    incident.id = UUID.randomUUID();
                    incident.person = report.person();
                    incident.kind = report.kind();
                    incident.occurredOn = report.occurredOn();
                    incident.establishment = episode.establishment;
                    incident.summary = report.summary();
                    return incident;
                })
                .call(incident -> incident.persist())
                .call(incident -> outbox.append(DomainEvent.of(PrisonsEvents.INCIDENT_RECORDED, incident.person, View.of(incident))))
                .map(View::of));
    }

    @WithSession
    public Uni<View> find(UUID id) {
        return Incident.<Incident>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No incident " + id))
                .map(View::of);
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return Incident.<Incident>list("person = ?1 order by occurredOn", person)
                .map(list -> list.stream().map(View::of).toList());
    }
}
