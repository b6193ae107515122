package org.interlock.gateway.audit;

import java.util.List;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Resource;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.Deny;
import org.interlock.policy.Permit;
import org.interlock.policy.Principal;

/**
 * Turns what the gateway decided into an audit record: who, what about whom, why, the outcome and
 * the rules behind it. Identifiers and paths only; the content released never enters the log.
 */
public final class Evidence {

    /** The permit reason when the owning agency's own staff act on their own records. */
    public static final String OWNER = "owner";
    public static final String AGREEMENT = "agreement";
    public static final String BREAK_GLASS = org.interlock.gateway.audit.store.ReviewOpening.BREAK_GLASS;
    /** The resource type of a verdict's record, and its two outcomes. */
    public static final String BREAK_GLASS_REVIEW = "break-glass-review";
    public static final String JUSTIFIED = "justified";
    public static final String UNJUSTIFIED = "unjustified";

    private Evidence() {
    }

    /** A person acting through a client application. */
    public static Actor actor(Principal principal, String client) {
        return new Actor(principal.username(), principal.agency(), principal.org(), client, null);
    }

    /** What policy decided about, as the log names it; {@code id} is the record's own id, if any. */
    public static Resource resource(org.interlock.policy.Resource resource, String id) {
        return new Resource(resource.type(), id, resource.person(), resource.category(),
                resource.classification() == null ? null : resource.classification().label());
    }

    /** The record of one policy decision, and of what was withheld when it permitted. */
    public static AuditRecord of(Action action, Actor actor, Resource resource, Context context, Decision decision,
            List<String> withheld, RequestTrace trace) {
        AuditRecord.Builder record = AuditRecord.builder(context.at(), actor, action, outcome(decision))
                .resource(resource)
                .purpose(context.purpose())
                .policyVersion(decision.policyVersion())
                .breakGlassReason(context.breakGlass() ? context.breakGlassReason() : null)
                .requestId(trace.requestId())
                .traceId(trace.traceId());
        if (decision instanceof Permit permit) {
            record.agreement(permit.agreementId()).consent(permit.consentId()).redactedFields(withheld);
        }
        return record.build();
    }

    /**
     * A policy reload or its preview, with its outcome: permit "reloaded" or "previewed", deny
     * "invalid-policy" (the file does not load) or "candidate-changed" (the file is no longer the
     * one previewed). The resource names the version loaded; {@code policyVersion} the one in force after.
     */
    public static AuditRecord policyChange(Actor actor, String loaded, String inForce,
            org.interlock.audit.record.Decision outcome, RequestTrace trace, java.time.Instant at) {
        return AuditRecord.builder(at, actor, Action.POLICY_CHANGE, outcome)
                .resource(new Resource("policy", loaded, null, null, null))
                .policyVersion(inForce)
                .requestId(trace.requestId())
                .traceId(trace.traceId())
                .build();
    }

    /** An auditor's answered query of the log: auditors are audited too. */
    public static AuditRecord auditQuery(Actor auditor, String what, String person, RequestTrace trace) {
        return AuditRecord.builder(java.time.Instant.now(), auditor, Action.AUDIT_QUERY,
                        org.interlock.audit.record.Decision.permit("auditor"))
                .resource(new Resource("audit-log", what, person, null, null))
                .purpose("audit")
                .requestId(trace.requestId())
                .build();
    }

    /**
     * An auditor's verdict on the break-glass access recorded at {@code disclosure}: the review is named
     * by that sequence, the person is the access's, and the outcome is the verdict (justified: permit,
     * unjustified: deny). The auditor's note stays with the review, outside the log.
     */
    public static AuditRecord reviewVerdict(Actor auditor, long disclosure, String person, boolean justified,
            RequestTrace trace) {
        return AuditRecord.builder(java.time.Instant.now(), auditor, Action.REVIEW_BREAK_GLASS, justified
                        ? org.interlock.audit.record.Decision.permit(JUSTIFIED)
                        : org.interlock.audit.record.Decision.deny(UNJUSTIFIED))
                .resource(new Resource(BREAK_GLASS_REVIEW, Long.toString(disclosure), person, null, null))
                .purpose("audit")
                .requestId(trace.requestId())
                .traceId(trace.traceId())
                .build();
    }

    /** The paths withheld from a released record: the redactions applied and every field left out. */
    public static List<String> withheld(Permit permit, com.fasterxml.jackson.databind.JsonNode record,
            com.fasterxml.jackson.databind.JsonNode released) {
        java.util.Set<String> paths = new java.util.LinkedHashSet<>(permit.redactions());
        if (record != null && record.isObject()) {
            record.fieldNames().forEachRemaining(name -> {
                if (released == null || !released.has(name)) {
                    paths.add("$." + name);
                }
            });
        }
        return List.copyOf(paths);
    }

    /** The outcome as the log keeps it: permit with its grounds, or deny with the engine's reason code. */
    public static org.interlock.audit.record.Decision outcome(Decision decision) {
        return switch (decision) {
            case Permit p when p.breakGlass() -> org.interlock.audit.record.Decision.permit(BREAK_GLASS);
            case Permit p when p.agreementId() == null -> org.interlock.audit.record.Decision.permit(OWNER);
            case Permit p -> org.interlock.audit.record.Decision.permit(AGREEMENT);
            case Deny d -> org.interlock.audit.record.Decision.deny(d.reason().name());
        };
    }
}
