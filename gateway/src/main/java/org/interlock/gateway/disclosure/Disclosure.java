package org.interlock.gateway.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.catalogue.RecordKind;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Resource;
import org.interlock.policy.TrailStep;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.policy.redaction.Redactor;

/**
 * The one place where the gateway decides what leaves it, for every channel: a REST answer, a
 * copy routed to an inbox, an event pushed on a feed, and whether a change may go on to a
 * service. For each facet (category) of what is asked it takes one policy decision, applies the
 * permit's obligations (the facet's own fields, then the agreement's projection and redactions,
 * released as the permit's classification) and yields the audit evidence. It fails closed: an
 * obligation that cannot be applied withholds the facet and is recorded as a POLICY_ERROR refusal,
 * whatever the channel. (Suspension, restriction, referral and the authority to change are the
 * policy engine's, ADR 0011.)
 */
@ApplicationScoped
public class Disclosure {

    private static final Set<DenyReason> UNADDRESSED = EnumSet.of(DenyReason.NO_AGREEMENT,
            DenyReason.PURPOSE_NOT_ALLOWED);

    private final PolicyEngine policy;
    private final PolicyStore policies;
    private final Redactor redactor = new Redactor();

    public Disclosure(PolicyEngine policy, PolicyStore policies) {
        this.policy = policy;
        this.policies = policies;
    }

    /**
     * What of {@code subject} may be released to the audience, and the evidence to record before it
     * is: each facet decided on its own, then one audit record per distinct grounds (the facets
     * released under one agreement, or refused for one reason, make one record naming their
     * categories), so that one record read leaves one record in the usual case.
     */
    public Disclosed disclose(Audience audience, Disclosable subject, RequestTrace trace, Instant at) {
        ObjectNode released = null;
        List<Permit> permits = new ArrayList<>(1);
        List<FacetDecision> decisions = new ArrayList<>(subject.facets().size());
        for (Disclosable.Facet facet : subject.facets()) {
            Decided decided = decide(audience, facet.resource(), ChangeTerms.NONE, at);
            Decision decision = decided.decision();
            List<String> withheld = List.of();
            if (decision instanceof Permit permit) {
                try {
                    JsonNode facts = facts(subject.content(), facet.fields());
                    JsonNode visible = DerivedFields.withhold(facts, redactor.release(permit, facts), facet.derived());
                    withheld = Evidence.withheld(permit, facts, visible);
                    released = merge(released, visible);
                    permits.add(permit);
                } catch (RuntimeException e) {
                    decision = obligationFailed(permit, e);
                }
            }
            decisions.add(new FacetDecision(facet.resource(), new Decided(decision, decided.purpose()), withheld));
        }
        return new Disclosed(released, permits, evidence(audience, subject.id(), decisions, trace, at));
    }

    /** One facet's decision, after its obligations, and what it withheld. */
    private record FacetDecision(Resource resource, Decided decided, List<String> withheld) {
    }

    /** What makes two facet decisions one audit record: the same outcome on the same grounds. */
    private record Grounds(String outcome, String agreement, String consent, String policyVersion, String purpose) {

        static Grounds of(Decided decided) {
            return new Grounds(Evidence.outcome(decided.decision()).toString(),
                    decided.decision() instanceof Permit p ? p.agreementId() : null,
                    decided.decision() instanceof Permit p ? p.consentId() : null,
                    decided.decision().policyVersion(), decided.purpose());
        }
    }

    /**
     * One record per grounds. Refusals that do not name the audience are left out, except when
     * someone asked for the record (REST) and nothing else would record that they did.
     */
    private static List<AuditRecord> evidence(Audience audience, String id, List<FacetDecision> decisions,
            RequestTrace trace, Instant at) {
        Map<Grounds, List<FacetDecision>> groups = new LinkedHashMap<>();
        for (FacetDecision decision : decisions) {
            groups.computeIfAbsent(Grounds.of(decision.decided()), g -> new ArrayList<>()).add(decision);
        }
        List<List<FacetDecision>> kept = groups.values().stream()
                .filter(group -> !unaddressed(group.getFirst().decided().decision())).toList();
        if (kept.isEmpty() && audience.recording() == Audience.Recording.ASKED) {
            kept = List.copyOf(groups.values());
        }
        List<AuditRecord> records = new ArrayList<>(kept.size());
        for (List<FacetDecision> group : kept) {
            Decided decided = group.getFirst().decided();
            List<String> withheld = group.stream().flatMap(d -> d.withheld().stream()).distinct().toList();
            records.add(Evidence.of(audience.logged(), audience.actor(), Evidence.resource(together(group), id),
                    context(audience, decided.purpose(), at), decided.decision(), withheld, trace));
        }
        return records;
    }

    /** The facets of one record as one resource: their categories in order, the highest classification. */
    private static Resource together(List<FacetDecision> group) {
        Resource first = group.getFirst().resource();
        if (group.size() == 1) {
            return first;
        }
        String categories = String.join(",", group.stream().map(d -> d.resource().category()).toList());
        Classification highest = group.stream().map(d -> d.resource().classification())
                .max(Comparator.naturalOrder()).orElse(first.classification());
        return new Resource(first.origin(), categories, highest, first.handling(), first.person(), first.type(),
                first.owningOrg());
    }

    /**
     * Whether a change to {@code resource}, naming {@code terms}, may go on to the service, with its
     * evidence (always recorded).
     */
    public Change decideChange(Audience audience, Resource resource, ChangeTerms terms, String recordId,
            RequestTrace trace, Instant at) {
        Decided decided = decide(audience, resource, terms, at);
        AuditRecord evidence = Evidence.of(audience.logged(), audience.actor(), Evidence.resource(resource, recordId),
                context(audience, decided.purpose(), at), decided.decision(), List.of(), trace);
        return new Change(decided.decision(), evidence);
    }

    /**
     * The refusal to release something that cannot be decided on (a service's answer that is not
     * JSON, so neither its person nor its categories can be known): recorded, never released.
     */
    public AuditRecord undecidable(Audience audience, Agency origin, RecordKind kind, RequestTrace trace, Instant at) {
        Resource resource = new Resource(origin, null, null, null, null, kind.name(), null);
        Policy current = policies.current();
        Deny refusal = new Deny(DenyReason.POLICY_ERROR, current == null ? "none" : current.version(),
                List.of(new TrailStep("answer", "the service's answer could not be read as JSON")));
        return Evidence.of(audience.logged(), audience.actor(), Evidence.resource(resource, null),
                context(audience, audience.purposes().isEmpty() ? null : audience.purposes().getFirst(), at), refusal,
                List.of(), trace);
    }

    /** A change allowed or refused, and its audit record. */
    public record Change(Decision decision, AuditRecord evidence) {

        public boolean permitted() {
            return decision instanceof Permit;
        }
    }

    /** A decision and the purpose it was taken for. */
    private record Decided(Decision decision, String purpose) {
    }

    /** The first purpose permitted; else the most telling refusal (one that names the audience over one that does not). */
    private Decided decide(Audience audience, Resource resource, ChangeTerms terms, Instant at) {
        Decided telling = null;
        for (String purpose : audience.purposes()) {
            Decision decision = policy.decide(new DecisionRequest(audience.principal(), audience.action(), resource,
                    context(audience, purpose, at), terms));
            if (decision instanceof Permit permit) {
                return new Decided(permit, purpose);
            }
            Deny deny = (Deny) decision;
            if (telling == null || unaddressed(telling.decision()) && !UNADDRESSED.contains(deny.reason())) {
                telling = new Decided(deny, purpose);
            }
        }
        if (telling == null) {
            return new Decided(new Deny(DenyReason.POLICY_ERROR, "none",
                    List.of(new TrailStep("purpose", "no purpose to decide under"))), null);
        }
        // Refused under every purpose an inbox was tried for: it declared none, so none is recorded.
        return audience.purposes().size() == 1 ? telling : new Decided(telling.decision(), null);
    }

    private static Deny obligationFailed(Permit permit, RuntimeException e) {
        List<TrailStep> trail = new ArrayList<>(permit.trail());
        // Only the exception's class: its message may quote the record.
        trail.add(new TrailStep("obligation", "could not be applied: " + e.getClass().getSimpleName()));
        return new Deny(DenyReason.POLICY_ERROR, permit.policyVersion(), trail);
    }

    private static boolean unaddressed(Decision decision) {
        return decision instanceof Deny deny && UNADDRESSED.contains(deny.reason());
    }

    private static Context context(Audience audience, String purpose, Instant at) {
        return new Context(purpose, audience.breakGlassReason(), at);
    }

    /** The facet's own fields of the record: what its category holds, nothing else. */
    private static JsonNode facts(JsonNode content, List<String> fields) {
        if (content == null || !content.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        ObjectNode facts = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = content.get(field);
            if (value != null) {
                facts.set(field, value);
            }
        }
        return facts;
    }

    private static ObjectNode merge(ObjectNode released, JsonNode visible) {
        if (!visible.isObject()) {
            throw new IllegalStateException("a facet released something other than an object");
        }
        ObjectNode merged = released == null ? JsonNodeFactory.instance.objectNode() : released;
        merged.setAll((ObjectNode) visible);
        return merged;
    }
}
