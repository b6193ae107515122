package org.interlock.gateway.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.Agency;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.policy.redaction.Redactor;

/**
 * Decides, for one agency event, which recipients receive it and as what: one policy decision per
 * recipient (agreement × category × purpose × classification × handling × consent), the copy
 * projected and redacted as the permit says, and the evidence of each disclosure.
 *
 * <p>An inbox declares no purpose: the exchange asks for each purpose the policy knows, in
 * alphabetical order (so that the purpose recorded is reproducible), and a recipient is entitled
 * when one of them is permitted. Refusals are recorded when an agreement named the recipient but
 * a condition failed (no consent, above the agreement's classification, handling code, expired,
 * explicit deny); "no agreement covers this recipient" is the silent default for every event and
 * is not written down each time.
 */
@ApplicationScoped
public class Router {

    /** The actor's client for everything the exchange does. */
    public static final String CLIENT = "interlock-exchange";
    private static final Set<DenyReason> NOT_A_CANDIDATE = EnumSet.of(DenyReason.NO_AGREEMENT,
            DenyReason.PURPOSE_NOT_ALLOWED);
    private static final List<Agency> STATUTORY = List.of(Agency.PRISONS, Agency.PROBATION, Agency.INTELLIGENCE);

    /** A copy to deliver: to whom, under which permit, and the content released. */
    public record Copy(Recipient recipient, AgencyEvent event, Permit permit, JsonNode released) {
        public String id() {
            return recipient.copyId(event.id());
        }
    }

    /** The copies of one event and the audit records to make durable before any is visible. */
    public record Routing(List<Copy> copies, List<AuditRecord> evidence) {
    }

    private final PolicyEngine policy;
    private final PolicyStore policies;
    private final OrganisationDirectory organisations;
    private final Redactor redactor = new Redactor();

    public Router(PolicyEngine policy, PolicyStore policies, OrganisationDirectory organisations) {
        this.policy = policy;
        this.policies = policies;
        this.organisations = organisations;
    }

    public Routing route(AgencyEvent event) {
        List<Copy> copies = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        Instant at = Instant.now();
        List<String> purposes = policies.current().purposes().stream().sorted().toList();
        for (Recipient recipient : candidates(event.origin())) {
            Decided decided = decide(recipient, event, purposes, at);
            Decision decision = decided.decision();
            Context context = new Context(decided.purpose(), null, at);
            if (decision instanceof Deny deny) {
                if (!NOT_A_CANDIDATE.contains(deny.reason())) {
                    evidence.add(record(recipient, event, context, deny, List.of()));
                }
                continue;
            }
            Permit permit = (Permit) decision;
            if (recipient.org() != null && !organisations.isActive(recipient.org())) {
                evidence.add(refused(recipient, event, context, "ORGANISATION_SUSPENDED", permit.policyVersion()));
                continue;
            }
            JsonNode released;
            try {
                released = redactor.release(permit, event.data());
            } catch (RuntimeException e) {
                // An obligation that cannot be applied withholds the copy: fail closed.
                evidence.add(refused(recipient, event, context, DenyReason.POLICY_ERROR.name(), permit.policyVersion()));
                continue;
            }
            copies.add(new Copy(recipient, event, permit, released));
            evidence.add(record(recipient, event, context, permit, Evidence.withheld(permit, event.data(), released)));
        }
        return new Routing(copies, evidence);
    }

    /** Every statutory agency but the origin, and every partner organisation known. */
    List<Recipient> candidates(Agency origin) {
        List<Recipient> recipients = new ArrayList<>();
        STATUTORY.stream().filter(agency -> agency != origin).map(Recipient::agency).forEach(recipients::add);
        organisations.organisations().stream().map(Recipient::organisation).forEach(recipients::add);
        return recipients;
    }

    /** A decision and the purpose it was asked for (null for a refusal under every purpose). */
    private record Decided(Decision decision, String purpose) {
    }

    /** The first purpose permitted, or the most telling refusal. */
    private Decided decide(Recipient recipient, AgencyEvent event, List<String> purposes, Instant at) {
        Deny telling = null;
        for (String purpose : purposes) {
            Decision decision = policy.decide(new DecisionRequest(recipient.principal(),
                    org.interlock.policy.Action.RECEIVE, event.resource(), new Context(purpose, null, at)));
            if (decision instanceof Permit) {
                return new Decided(decision, purpose);
            }
            Deny deny = (Deny) decision;
            if (telling == null || NOT_A_CANDIDATE.contains(telling.reason()) && !NOT_A_CANDIDATE.contains(deny.reason())) {
                telling = deny;
            }
        }
        return new Decided(telling, null);
    }

    private static AuditRecord record(Recipient recipient, AgencyEvent event, Context context, Decision decision,
            List<String> withheld) {
        return Evidence.of(Action.ROUTE_EVENT, actor(recipient), Evidence.resource(event.resource(), event.id()),
                context, decision, withheld, RequestTrace.of(recipient.copyId(event.id()), event.traceparent()));
    }

    private static AuditRecord refused(Recipient recipient, AgencyEvent event, Context context, String reason,
            String policyVersion) {
        return AuditRecord.builder(context.at(), actor(recipient), Action.ROUTE_EVENT,
                        org.interlock.audit.record.Decision.deny(reason))
                .resource(Evidence.resource(event.resource(), event.id()))
                .purpose(context.purpose())
                .policyVersion(policyVersion)
                .requestId(recipient.copyId(event.id()))
                .traceId(RequestTrace.of(null, event.traceparent()).traceId())
                .build();
    }

    static Actor actor(Recipient recipient) {
        return new Actor(null, recipient.agency().id(), recipient.org(), CLIENT, null);
    }
}
