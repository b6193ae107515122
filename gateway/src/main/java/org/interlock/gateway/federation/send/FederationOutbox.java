package org.interlock.gateway.federation.send;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * given here: the exchange's releases to peers, decided by the disclosure point, and the federation's own envelopes
 * (requests for information and their answers, {@code federation.requests}).
 */
@ApplicationScoped
public class FederationOutbox {

    static final String CLIENT = "interlock-federation";
    static final String RESOURCE_TYPE = "federation-envelope";

    private final Federation federation;
    private final AuditStore store;
    private final OutboxStore outbox;

    public FederationOutbox(Federation federation, AuditStore store, OutboxStore outbox) {
        this.federation = federation;
        this.store = store;
        this.outbox = outbox;
    }

    /**
     * Queues what the exchange released to peers, once: an item already queued (its event routed again after a
     * crash before its batch committed) is not queued twice. The items' release decisions are already durable.
     */
    public void enqueueReleased(List<ReleasedToPeer> released) {
        if (released.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            // Once each: queued before, or twice in this batch (the same event read again), it goes once.
            Set<String> seen = new HashSet<>(outbox.queuedItems(released.stream().map(ReleasedToPeer::id).toList()));
            List<ReleasedToPeer> fresh = released.stream().filter(copy -> seen.add(copy.id())).toList();
            if (fresh.isEmpty()) {
                return;
            }
            List<AuditRecord> sendings = fresh.stream().map(copy -> sending(copy, now)).toList();
            store.append(sendings, (c, stored) -> {
                for (int i = 0; i < fresh.size(); i++) {
                    ReleasedToPeer copy = fresh.get(i);
                    OutboxStore.insert(c, copy.peer(), stored.get(i).sequence(),
                            PayloadCodec.write(PeerEnvelopes.of(copy, now)), now, copy);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("released items could not be queued for their peers: " + e.getMessage(), e);
        }
    }

    /** The record of a sending names the person, the category and the agreement: what crossed, on what grounds. */
    private static AuditRecord sending(ReleasedToPeer copy, Instant now) {
        return AuditRecord.builder(now, new Actor(null, null, null, CLIENT, null), Action.SEND_ENVELOPE,
                        Decision.permit("queued"))
                .resource(new Resource(RESOURCE_TYPE, Principal.PEER_PREFIX + copy.peer(), copy.event().person(),
                        copy.event().category().name(), copy.permit().releasedAs().label()))
                .agreement(copy.permit().agreementId())
                .policyVersion(copy.permit().policyVersion())
                .requestId(copy.id())
                .build();
    }

    /**
     * Who sends an envelope and about what, for the audit record of the sending, and the decisions recorded with
     * it (an answer's parts, as the disclosure point decided them).
     *
     * @param actor     who acted: the officer or single point of contact; the federation client for a system sending
     * @param person    the person the envelope is about, or null
     * @param purpose   the purpose it is sent for, or null
     * @param requestId the request for information it belongs to (the requester's id), or null
     * @param decisions records appended before the sending's, in its transaction
     */
    public record Sending(Actor actor, String person, String purpose, String requestId, List<AuditRecord> decisions) {

        public static final Sending SYSTEM = new Sending(new Actor(null, null, null, CLIENT, null), null, null, null,
                List.of());

        public Sending {
            decisions = List.copyOf(decisions);
        }
    }

    /** What is written beside the outbox row, in its transaction; it receives the envelope's seq. */
    @FunctionalInterface
    public interface AlsoInTransaction<T> {
        T run(Connection c, long seq) throws SQLException;
    }

    /** @return the envelope's seq: the sequence of the audit record of its sending */
    public long enqueue(String peer, EnvelopeContent content) {
        return enqueue(peer, content, Sending.SYSTEM, (c, seq) -> seq);
    }

    /**
     * Queues the envelope with the record of its sending (after {@code sending}'s decisions) and whatever
     * {@code also} writes, all in one transaction: if any of it fails, nothing is queued or recorded.
     */
    public <T> T enqueue(String peer, EnvelopeContent content, Sending sending, AlsoInTransaction<T> also) {
        Federation.Self self = federation.self().orElseThrow(() -> new IllegalStateException("federation is off"));
        if (self.anchors().current().peer(peer).isEmpty()) {
            // Anchored when the act began, perhaps, but not now: nothing goes to a peer this side no longer trusts.
            throw ProblemException.conflict("Peer '" + peer + "' is not among the trust anchors");
        }
        String payload = PayloadCodec.write(content);
        Instant now = Instant.now();
        AuditRecord record = AuditRecord.builder(now, sending.actor(), Action.SEND_ENVELOPE, Decision.permit("queued"))
                .resource(new Resource(RESOURCE_TYPE, Principal.PEER_PREFIX + peer, sending.person(), null, null))
                .purpose(sending.purpose())
                .requestId(sending.requestId())
                .build();
        List<AuditRecord> records = new ArrayList<>(sending.decisions());
        records.add(record);
        try {
            return store.append(records, (c, stored) -> {
                long seq = stored.getLast().sequence();
                OutboxStore.insert(c, peer, seq, payload, now, null);
                return also.run(c, seq);
            });
        } catch (SQLException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The envelope could not be queued with its audit record");
        }
    }
}
