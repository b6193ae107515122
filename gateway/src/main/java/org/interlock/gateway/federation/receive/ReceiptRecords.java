package org.interlock.gateway.federation.receive;

import java.time.Instant;
import java.util.Optional;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.envelope.EnvelopeClaims;
import org.interlock.policy.Principal;

/**
 * The audit records of receipt ({@link Action#RECEIVE_ENVELOPE}): who sent it, which sending of theirs (the
 * sender's audit sequence number, so the two logs name each other), which envelope, and the outcome. Values are
 * taken from the claims, which keep only what has its protocol shape, so nothing a sender writes elsewhere and
 * nothing of the payload reaches the log.
 */
final class ReceiptRecords {

    static final String RESOURCE_TYPE = "federation-envelope";
    private static final String CLIENT = "interlock-federation";

    private ReceiptRecords() {
    }

    /** @param request the request for information it belongs to (named instead of the envelope id), if any */
    static AuditRecord accepted(EnvelopeClaims envelope, Optional<String> request, String traceId) {
        return record(envelope, request, Decision.permit(Receipt.ACCEPTED), traceId);
    }

    static AuditRecord alreadyReceived(EnvelopeClaims envelope, Optional<String> request, String traceId) {
        return record(envelope, request, Decision.permit(Receipt.ALREADY_RECEIVED), traceId);
    }

    static AuditRecord refused(EnvelopeRefusal refusal, String traceId) {
        return record(refusal.claims(), Optional.empty(), Decision.deny(refusal.reason().code()), traceId);
    }

    private static AuditRecord record(EnvelopeClaims claims, Optional<String> request, Decision decision,
            String traceId) {
        Actor sender = new Actor(claims.peer().map(peer -> Principal.PEER_PREFIX + peer).orElse(null), null, null,
                CLIENT, null);
        String sequence = claims.auditSequence().isPresent() ? Long.toString(claims.auditSequence().getAsLong()) : null;
        return AuditRecord.builder(Instant.now(), sender, Action.RECEIVE_ENVELOPE, decision)
                .resource(new Resource(RESOURCE_TYPE, sequence, null, null, null))
                .requestId(request.or(claims::envelopeId).orElse(null))
                .traceId(traceId)
                .build();
    }
}
