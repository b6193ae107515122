package org.interlock.gateway.federation.received;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.federation.FederationIds;
import org.interlock.policy.Principal;

/**
 * The audit records of received items on this side: a holder reading one, and a holder passing one on. Each
 * names the item (its peer and id, as resource {@code federation-item:<peer>}), the person, category and
 * classification, the originator's agreement, and this side's receipt of it — so an auditor can go from a
 * disclosure here to the envelope that brought it and, through the receipt, to the sender's audit sequence.
 */
final class ItemRecords {

    static final String RESOURCE_TYPE = "federation-item";

    private ItemRecords() {
    }

    static AuditRecord read(HeldItem held, Principal reader, String client, String purpose,
            Optional<HoldingRules.Refusal> refusal, RequestTrace trace, Instant now) {
        return record(held, reader, client, purpose, refusal.map(r -> Decision.deny(r.code()))
                .orElse(Decision.permit("originator-conditions;receipt=" + held.receipt())), trace, now);
    }

    static AuditRecord onward(HeldItem held, Principal holder, String client, String recipient, String purpose,
            Optional<HoldingRules.Refusal> refusal, RequestTrace trace, Instant now) {
        return record(held, holder, client, purpose, refusal.map(r -> Decision.deny("onward-to:" + recipient + ";" + r.code()))
                .orElse(Decision.permit("onward-to:" + recipient + ";receipt=" + held.receipt())), trace, now);
    }

    static URI problemType(HoldingRules.Refusal refusal) {
        return URI.create("urn:interlock:problem:federation:" + refusal.code());
    }

    private static AuditRecord record(HeldItem held, Principal actor, String client, String purpose, Decision decision,
            RequestTrace trace, Instant now) {
        return AuditRecord.builder(now, new Actor(actor.username(), actor.agency(), actor.org(), client, null),
                        Action.DISCLOSE_REST, decision)
                .resource(new Resource(RESOURCE_TYPE + ":" + held.peer(), held.itemId(), held.person(),
                        held.category(), held.classification()))
                .purpose(purpose)
                .agreement(FederationIds.peerAgreement(held.peer(), held.agreement()))
                .requestId(trace.requestId())
                .traceId(trace.traceId())
                .build();
    }
}
