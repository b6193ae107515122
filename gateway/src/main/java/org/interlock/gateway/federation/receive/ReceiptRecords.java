package org.interlock.gateway.federation.receive;

import java.time.Instant;
import java.util.Optional;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.PersonReference;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeClaims;
import org.interlock.gateway.federation.FederationIds;
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

    /**
     * An accepted envelope is authentic, so its record also names the person it is about and the category and
     * agreement the sender released it under: what crossed the border about whom, on what grounds, provable from
     * this side's log. Only these attributes, never the content. An envelope of a request for information or of
     * its answer names the request ({@code request}) instead of the envelope id, as the sender's record does.
     */
    static AuditRecord accepted(EnvelopeClaims claims, Envelope envelope, Optional<String> request, String traceId) {
        ObjectNode event = envelope.content().event();
        String sequence = sequence(claims);
        return builder(claims, Decision.permit(Receipt.ACCEPTED), traceId)
                .resource(new Resource(RESOURCE_TYPE, sequence, person(event),
                        PeerAttributes.of(event, CloudEventExtensions.CATEGORY),
                        PeerAttributes.of(event, CloudEventExtensions.CLASSIFICATION)))
                .agreement(FederationIds.peerAgreement(envelope.senderPeer(),
                        PeerAttributes.of(event, CloudEventExtensions.AGREEMENT)))
                .requestId(request.orElse(claims.envelopeId().orElse(null)))
                .build();
    }

    static AuditRecord alreadyReceived(EnvelopeClaims claims, Optional<String> request, String traceId) {
        return builder(claims, Decision.permit(Receipt.ALREADY_RECEIVED), traceId)
                .requestId(request.orElse(claims.envelopeId().orElse(null)))
                .build();
    }

    static AuditRecord refused(EnvelopeRefusal refusal, String traceId) {
        return record(refusal.claims(), Decision.deny(refusal.reason().code()), traceId);
    }

    private static AuditRecord record(EnvelopeClaims claims, Decision decision, String traceId) {
        return builder(claims, decision, traceId).build();
    }

    private static AuditRecord.Builder builder(EnvelopeClaims claims, Decision decision, String traceId) {
        Actor sender = new Actor(claims.peer().map(peer -> Principal.PEER_PREFIX + peer).orElse(null), null, null,
                CLIENT, null);
        return AuditRecord.builder(Instant.now(), sender, Action.RECEIVE_ENVELOPE, decision)
                .resource(new Resource(RESOURCE_TYPE, sequence(claims), null, null, null))
                .requestId(claims.envelopeId().orElse(null))
                .traceId(traceId);
    }

    /** The person the envelope is about: its subject when that is a person reference (an OUTCOMES one is about none). */
    private static String person(ObjectNode event) {
        String subject = PeerAttributes.of(event, "subject");
        return PersonReference.isValid(subject) ? subject : null;
    }

    private static String sequence(EnvelopeClaims claims) {
        return claims.auditSequence().isPresent() ? Long.toString(claims.auditSequence().getAsLong()) : null;
    }
}
