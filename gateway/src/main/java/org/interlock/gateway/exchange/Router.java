package org.interlock.gateway.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.Agency;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.send.PeerRecipient;
import org.interlock.gateway.federation.send.ReleasedToPeer;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.federation.trust.Peer;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Permit;
import org.interlock.policy.language.PeerConditions;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyStore;

/**
 * For one agency event, which inboxes (and federation peers) receive it and as what: every statutory agency but the
 * origin, every partner organisation known and every anchored peer, that the policy names for one of the event's
 * categories (an agreement or a deny rule), is put to the disclosure point, which decides, applies the
 * obligations and gives the evidence. An inbox declares no purpose: every purpose the
 * policy knows is tried in alphabetical order (so that the purpose recorded is reproducible).
 */
@ApplicationScoped
public class Router {

    /** A copy to deliver: to which inbox, under which permit, and the content released. */
    public record Copy(String id, Inbox inbox, AgencyEvent event, Permit permit, JsonNode released) {
    }

    /**
     * The copies of one event (to inboxes, and to peers' outboxes) and the audit records to make durable before
     * any is visible or queued.
     */
    public record Routing(List<Copy> copies, List<ReleasedToPeer> toPeers, List<AuditRecord> evidence) {
    }

    /** The purposes of the policy in force, sorted once per policy loaded rather than once per event. */
    private record Purposes(Policy policy, List<String> sorted) {
    }

    private final Disclosure disclosure;
    private final PolicyStore policies;
    private final OrganisationDirectory organisations;
    private final Federation federation;
    private volatile Purposes purposes = new Purposes(null, List.of());

    public Router(Disclosure disclosure, PolicyStore policies, OrganisationDirectory organisations,
            Federation federation) {
        this.disclosure = disclosure;
        this.policies = policies;
        this.organisations = organisations;
        this.federation = federation;
    }

    public Routing route(AgencyEvent event) {
        Decisions decisions = new Decisions(event, policies.current(), Instant.now());
        List<Copy> copies = new ArrayList<>();
        for (Inbox inbox : candidates(event.origin())) {
            String copyId = inbox.copyId(event.id());
            decisions.released(inbox.audience(decisions.purposes), copyId).ifPresent(disclosed -> copies.add(
                    new Copy(copyId, inbox, event, disclosed.permits().getFirst(), disclosed.released())));
        }
        List<ReleasedToPeer> toPeers = new ArrayList<>();
        // A peer is sent facts about persons only: what crosses is always about someone it can be asked about.
        for (PeerRecipient peer : event.person() == null ? List.<PeerRecipient>of() : peers()) {
            String itemId = peer.itemId(event.origin(), event.id());
            decisions.released(peer.audience(decisions.purposes), itemId).ifPresent(disclosed -> {
                Permit permit = disclosed.permits().getFirst();
                toPeers.add(new ReleasedToPeer(itemId, peer.peer(), event, permit, disclosed.released(),
                        decisions.policy == null ? PeerConditions.ASK_FIRST
                                : decisions.policy.peerConditionsOf(permit.agreementId())));
            });
        }
        return new Routing(copies, toPeers, decisions.evidence);
    }

    /** One event's decisions, recipient by recipient, under one policy and one time, gathering their evidence. */
    private final class Decisions {
        private final AgencyEvent event;
        private final Policy policy;
        private final Instant at;
        private final Disclosable subject;
        private final List<String> purposes;
        private final RequestTrace trace;
        private final List<AuditRecord> evidence = new ArrayList<>();

        Decisions(AgencyEvent event, Policy policy, Instant at) {
            this.event = event;
            this.policy = policy;
            this.at = at;
            this.subject = Disclosable.of(event);
            this.purposes = purposes(policy);
            this.trace = RequestTrace.of(event.id(), event.traceparent());
        }

        /** What the audience is released under the copy's id, if the policy addresses it and releases anything. */
        Optional<Disclosed> released(Audience audience, String copyId) {
            if (!addressed(policy, event.origin(), audience, subject)) {
                return Optional.empty();
            }
            Disclosed disclosed = disclosure.disclose(audience, subject, trace.withRequestId(copyId), at);
            evidence.addAll(disclosed.evidence());
            return disclosed.withheld() ? Optional.empty() : Optional.of(disclosed);
        }
    }

    /** The anchored peers, in id order; none when this deployment does not federate. */
    private List<PeerRecipient> peers() {
        return federation.self().map(self -> self.anchors().current().peers().stream()
                        .map(Peer::id).sorted().map(PeerRecipient::new).toList())
                .orElse(List.of());
    }


    /** Every statutory agency but the origin, and every partner organisation known. */
    List<Inbox> candidates(Agency origin) {
        List<Inbox> inboxes = new ArrayList<>();
        Agency.statutoryAgencies().stream().filter(agency -> agency != origin).map(Inbox::agency).forEach(inboxes::add);
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
