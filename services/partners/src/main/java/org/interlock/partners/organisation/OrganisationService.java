package org.interlock.partners.organisation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.partners.PartnersEvents;
import org.interlock.platform.problem.ProblemException;

/**
 * Registering, suspending and reinstating partner organisations. Each change is an event, and the
 * organisation's current state is also on the partners' state topic, from which every gateway
 * replica knows which organisations are active (ADR 0012).
 */
@ApplicationScoped
public class OrganisationService {

    public record Register(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a lower-case slug such as horizon-mentoring") String id,
            @NotNull @Size(min = 2, max = 200) String name,
            @NotNull Organisation.Kind kind) {
    }

    public record View(String id, String name, Organisation.Kind kind, Organisation.Status status) {

        static View of(Organisation o) {
            return new View(o.id, o.name, o.kind, o.status);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public OrganisationService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> register(Register request) {
        Organisation organisation = new Organisation();
        organisation.id = request.id();
        organisation.name = request.name();
        organisation.kind = request.kind();
        organisation.status = Organisation.Status.ACTIVE;
        return transactions.commit(() -> Organisation.<Organisation>findById(request.id())
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Organisation " + request.id() + " is already registered");
                    }
                })
                .chain(() -> organisation.<Organisation>persist())
                .call(saved -> outbox.appendWithState(DomainEvent.of(PartnersEvents.ORGANISATION_REGISTERED,
                        saved.subject(), View.of(saved)), saved.id))
                .map(View::of));
    }

    public Uni<View> suspend(String id) {
        return setStatus(id, Organisation.Status.SUSPENDED, PartnersEvents.ORGANISATION_SUSPENDED);
    }

    public Uni<View> reinstate(String id) {
        return setStatus(id, Organisation.Status.ACTIVE, PartnersEvents.ORGANISATION_REINSTATED);
    }

    @WithSession
    public Uni<View> find(String id) {
        return findOrganisation(id).map(View::of);
    }

    @WithSession
    public Uni<List<View>> list() {
        return Organisation.<Organisation>listAll().map(list -> list.stream().map(View::of).toList());
    }

    /** The organisation, which must be active: what a consent or activity report needs. */
    public static Uni<Organisation> activeOrganisation(String id) {
        return findOrganisation(id).invoke(organisation -> {
            if (organisation.status != Organisation.Status.ACTIVE) {
                throw ProblemException.conflict("Organisation " + id + " is suspended");
            }
        });
    }

    private Uni<View> setStatus(String id, Organisation.Status status, EventType type) {
        return transactions.commit(() -> findOrganisation(id)
                .invoke(organisation -> {
                    if (organisation.status == status) {
                        throw ProblemException.conflict("Organisation " + id + " is already " + status);
                    }
                    organisation.status = status;
                })
                .call(organisation -> outbox.appendWithState(DomainEvent.of(type, organisation.subject(),
                        View.of(organisation)), organisation.id))
                .map(View::of));
    }

    private static Uni<Organisation> findOrganisation(String id) {
        return Organisation.<Organisation>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No organisation " + id));
    }
}
