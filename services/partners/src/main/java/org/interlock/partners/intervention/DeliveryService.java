package org.interlock.partners.intervention;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.EventType;
import org.interlock.partners.PartnersEvents;
import org.interlock.partners.organisation.OrganisationService;
import org.interlock.partners.received.ReceivedEvent;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * Sessions and outcomes of interventions a partner organisation delivers (ADR 0017): recorded only
 * by the staff of the organisation an intervention was addressed to, about an intervention it
 * received from the arranging agency, for the person it is about. Being the provider gives the
 * organisation nothing else: what it reads of the person is still decided by its referral.
 */
@ApplicationScoped
public class DeliveryService {

    /** The arranged events of the agencies that arrange interventions, as their copies are typed. */
    static final List<String> ARRANGED = List.of("org.interlock.prisons.intervention.arranged.v1",
            "org.interlock.probation.intervention.arranged.v1");

    private final Transactions transactions;
    private final Outbox outbox;
    private final Actor actor;
    private final ObjectMapper json;

    public DeliveryService(Transactions transactions, Outbox outbox, Actor actor, ObjectMapper json) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.actor = actor;
        this.json = json;
    }

    public Uni<DeliveryRecord> session(UUID intervention, DeliveryRequests.Session request) {
        return record(intervention, request.person(), request.organisation(), PartnersEvents.INTERVENTION_SESSION,
                origin -> new DeliveryRecord(UUID.randomUUID(), intervention, request.person(), request.organisation(),
                        origin, "SESSION", request.sessionOn(), request.attendance(), null, null, request.notes(),
                        actor.username()));
    }

    public Uni<DeliveryRecord> outcome(UUID intervention, DeliveryRequests.Ending request) {
        return record(intervention, request.person(), request.organisation(), PartnersEvents.INTERVENTION_OUTCOME,
                origin -> new DeliveryRecord(UUID.randomUUID(), intervention, request.person(), request.organisation(),
                        origin, "OUTCOME", null, null, request.outcome(), request.endedOn(), request.notes(),
                        actor.username()));
    }

    private Uni<DeliveryRecord> record(UUID intervention, String person, String organisation, EventType type,
            java.util.function.Function<String, DeliveryRecord> made) {
        if (!organisation.equals(actor.org())) {
            throw Validation.invalid("organisation", "must be the organisation of whoever records it");
        }
        return transactions.commit(() -> OrganisationService.activeOrganisation(organisation)
                .chain(() -> arrangingAgency(intervention, person, organisation))
                .map(made)
                .call(record -> outbox.append(DomainEvent.of(type, person, record))));
    }

    /**
     * The agency that arranged the intervention, from the copy of its arranged event this
     * organisation received: none means it was never addressed to this organisation, or not for
     * this person, which is answered as not found.
     */
    private Uni<String> arrangingAgency(UUID intervention, String person, String organisation) {
        return ReceivedEvent.<ReceivedEvent>list("organisation = ?1 and person = ?2 and type in ?3", organisation, person,
                        ARRANGED)
                .map(copies -> copies.stream()
                        .filter(copy -> intervention.toString().equals(field(copy, "id")))
                        .map(copy -> copy.type.split("\\.")[2])
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound("No intervention " + intervention
                                + " delivered by " + organisation + " for this person")));
    }

    private String field(ReceivedEvent copy, String name) {
        try {
            JsonNode data = json.readTree(copy.data);
            return data.path(name).asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
