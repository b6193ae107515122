package org.interlock.gateway.federation.send;

import java.sql.Connection;
import java.nio.charset.StandardCharsets;
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
import org.jboss.logging.Logger;

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
    /** The protected header (base64url, with kid, iss, jti, iat, seq), the Ed25519 signature and the dots. */
    private static final int ENVELOPE_OVERHEAD = 512;
    private static final Logger LOG = Logger.getLogger(FederationOutbox.class);

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
            List<String> payloads = fresh.stream().map(copy -> PayloadCodec.write(PeerEnvelopes.of(copy, now))).toList();
            List<AuditRecord> sendings = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                sendings.add(sending(fresh.get(i), now, fits(payloads.get(i))));
            }
            store.append(sendings, (c, stored) -> {
                for (int i = 0; i < fresh.size(); i++) {
                    if (fits(payloads.get(i))) {
                        OutboxStore.insert(c, fresh.get(i).peer(), stored.get(i).sequence(), payloads.get(i), now,
                                fresh.get(i));
                    } else {
                        LOG.warnf("Item %s for peer %s is larger than an envelope may be: not sent (audit record %d)",
                                fresh.get(i).id(), fresh.get(i).peer(), stored.get(i).sequence());
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("released items could not be queued for their peers: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the payload, signed, stays within the envelope size this deployment accepts (its peers are assumed
     * to accept as much): one that does not would be refused by the peer for ever and hold back its whole queue.
     */
    private boolean fits(String payload) {
        long signed = ENVELOPE_OVERHEAD + (payload.getBytes(StandardCharsets.UTF_8).length + 2L) / 3 * 4;
        return federation.self().map(self -> signed <= self.maxEnvelopeBytes()).orElse(false);
    }

    /** The record of a sending names the person, the category and the agreement: what crossed, on what grounds. */
    private static AuditRecord sending(ReleasedToPeer copy, Instant now, boolean fits) {
        return AuditRecord.builder(now, new Actor(null, null, null, CLIENT, null), Action.SEND_ENVELOPE,
                        fits ? Decision.permit("queued") : Decision.deny("oversized"))
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

        public Sending {
            decisions = List.copyOf(decisions);
        }
    }

    /** What is written beside the outbox row, in its transaction; it receives the envelope's seq. */
    @FunctionalInterface
    public interface AlsoInTransaction<T> {
        T run(Connection c, long seq) throws SQLException;
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
        if (!fits(payload)) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "Signed, this would be larger than an envelope"
                    + " may be (" + self.maxEnvelopeBytes() + " bytes): send less");
        }
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
