package org.interlock.gateway.federation.send;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.PayloadCodec;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.policy.Principal;

/**
 * Puts an envelope in the outbox for an anchored peer: the SEND_ENVELOPE audit record and the outbox row in one
 * transaction, the record's sequence becoming the envelope's {@code seq}. Only what a decision released may be
 * given here; nothing in the gateway calls it yet but the tests (ADR 0021: routing to peers is a later slice).
 */
@ApplicationScoped
public class FederationOutbox {

    static final String CLIENT = "interlock-federation";

    private final Federation federation;
    private final AuditStore store;

    public FederationOutbox(Federation federation, AuditStore store) {
        this.federation = federation;
        this.store = store;
    }

    /** @return the envelope's seq: the sequence of the audit record of its sending */
    public long enqueue(String peer, EnvelopeContent content) {
        Federation.Self self = federation.self().orElseThrow(() -> new IllegalStateException("federation is off"));
        if (self.anchors().current().peer(peer).isEmpty()) {
            throw new IllegalArgumentException("peer '" + peer + "' is not anchored");
        }
        String payload = PayloadCodec.write(content);
        Instant now = Instant.now();
        AuditRecord sending = AuditRecord.builder(now, new Actor(null, null, null, CLIENT, null), Action.SEND_ENVELOPE,
                        Decision.permit("queued"))
                .resource(new Resource("federation-envelope", Principal.PEER_PREFIX + peer, null, null, null))
                .build();
        try {
            return store.append(List.of(sending), (c, stored) -> {
                long seq = stored.getFirst().sequence();
                OutboxStore.insert(c, peer, seq, payload, now);
                return seq;
            });
        } catch (SQLException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The envelope could not be queued with its audit record");
        }
    }
}
