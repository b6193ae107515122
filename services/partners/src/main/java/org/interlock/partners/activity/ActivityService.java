package org.interlock.partners.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.Validation;
import org.interlock.contracts.PersonReference;
import org.interlock.partners.PartnersEvents;
import org.interlock.partners.organisation.OrganisationService;

/** Activity reports of active partner organisations; a concern is its own, more sensitive event. */
@ApplicationScoped
public class ActivityService {

    public record Report(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be an organisation id") String organisation,
            @NotNull ActivityReport.Kind kind,
            @NotNull LocalDate occurredOn,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String reportedBy,
            @Size(max = 4000) String notes) {
    }

    public record View(UUID id, String person, String organisation, ActivityReport.Kind kind, LocalDate occurredOn,
            String reportedBy, String notes) {

        static View of(ActivityReport a) {
            return new View(a.id, a.person, a.organisation, a.kind, a.occurredOn, a.reportedBy, a.notes);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;
    private final Actor actor;

    public ActivityService(Transactions transactions, Outbox outbox, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.actor = actor;
    }

    /** Reported by whoever records it: a caseworker cannot put a concern in a colleague's name. */
    public Uni<View> report(Report request) {
        if (!request.reportedBy().equals(actor.username())) {
            throw Validation.invalid("reportedBy", "must be you, who report it");
        }
        ActivityReport activity = new ActivityReport();
        activity.id = UUID.randomUUID();
        activity.person = request.person();
        activity.organisation = request.organisation();
        activity.kind = request.kind();
        activity.occurredOn = request.occurredOn();
        activity.reportedBy = request.reportedBy();
        activity.notes = request.notes();
        return transactions.commit(() -> OrganisationService.activeOrganisation(request.organisation())
                .chain(() -> activity.<ActivityReport>persist())
                .call(saved -> outbox.append(DomainEvent.of(saved.kind == ActivityReport.Kind.CONCERN_RAISED
                        ? PartnersEvents.CONCERN_RAISED : PartnersEvents.ACTIVITY_REPORTED, saved.person, View.of(saved))))
                .map(View::of));
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return ActivityReport.<ActivityReport>list("person = ?1 order by occurredOn", person)
                .map(list -> list.stream().map(View::of).toList());
    }
}
