package org.interlock.gateway.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.Agency;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Permit;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyStore;

/**
 * For one agency event, which inboxes receive it and as what: every statutory agency but the
 * origin and every partner organisation known, that the policy names for one of the event's
 * categories (an agreement or a deny rule), is put to the disclosure point, which decides, applies the
 * obligations and gives the evidence. An inbox declares no purpose: every purpose the
 * policy knows is tried in alphabetical order (so that the purpose recorded is reproducible).
 */
@ApplicationScoped
public class Router {

    /** The statutory agencies, each an inbox of its own. */
    static final List<Agency> STATUTORY = List.of(Agency.PRISONS, Agency.PROBATION, Agency.INTELLIGENCE);

    /** A copy to deliver: to which inbox, under which permit, and the content released. */
    public record Copy(String id, Inbox inbox, AgencyEvent event, Permit permit, JsonNode released) {
    }

    /** The copies of one event and the audit records to make durable before any is visible. */
    public record Routing(List<Copy> copies, List<AuditRecord> evidence) {
    }

    /** The purposes of the policy in force, sorted once per policy loaded rather than once per event. */
    private record Purposes(Policy policy, List<String> sorted) {
    }

    private final Disclosure disclosure;
    private final PolicyStore policies;
    private final OrganisationDirectory organisations;
    private volatile Purposes purposes = new Purposes(null, List.of());

    public Router(Disclosure disclosure, PolicyStore policies, OrganisationDirectory organisations) {
        this.disclosure = disclosure;
        this.policies = policies;
        this.organisations = organisations;
    }

    public Routing route(AgencyEvent event) {
        List<Copy> copies = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        Instant at = Instant.now();
        Disclosable subject = Disclosable.of(event);
        Policy policy = policies.current();
        List<String> sorted = purposes(policy);
        RequestTrace trace = RequestTrace.of(event.id(), event.traceparent());
        for (Inbox inbox : candidates(event.origin())) {
            Audience audience = inbox.audience(sorted);
            if (!addressed(policy, event.origin(), audience, subject)) {
                continue;
            }
            String copyId = inbox.copyId(event.id());
            Disclosed disclosed = disclosure.disclose(audience, subject, trace.withRequestId(copyId), at);
            evidence.addAll(disclosed.evidence());
            if (!disclosed.withheld()) {
                copies.add(new Copy(copyId, inbox, event, disclosed.permits().getFirst(), disclosed.released()));
            }
        }
        return new Routing(copies, evidence);
    }

    /** Every statutory agency but the origin, and every partner organisation known. */
    List<Inbox> candidates(Agency origin) {
        List<Inbox> inboxes = new ArrayList<>();
        STATUTORY.stream().filter(agency -> agency != origin).map(Inbox::agency).forEach(inboxes::add);
        organisations.organisations().stream().map(Inbox::organisation).forEach(inboxes::add);
        return inboxes;
    }

    /**
     * Whether the policy says anything about some facet of the event for this inbox: an agreement
     * that could release it, or a deny rule aimed at it. An inbox it says nothing about is not a
     * recipient: nothing is decided, so nothing is recorded for it (ADR 0013). With no policy in
     * force, every inbox is put to the decision point, which refuses and records why.
     */
    private static boolean addressed(Policy policy, Agency origin, Audience audience, Disclosable subject) {
        if (policy == null) {
            return true;
        }
        for (Disclosable.Facet facet : subject.facets()) {
            if (policy.addresses(origin, audience.principal(), facet.resource().category())) {
                return true;
            }
        }
        return false;
    }

    private List<String> purposes(Policy current) {
        Purposes known = purposes;
        if (current == null) {
            return List.of();
        }
        if (current != known.policy()) {
            known = new Purposes(current, current.purposes().stream().sorted().toList());
            purposes = known;
        }
        return known.sorted();
    }
}
