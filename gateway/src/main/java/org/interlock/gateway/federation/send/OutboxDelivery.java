package org.interlock.gateway.federation.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.RefusalReason;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeSigner;
import org.interlock.federation.envelope.PayloadCodec;
import org.interlock.federation.trust.Peer;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.receive.EnvelopeRefusal;
import org.interlock.gateway.federation.receive.EnvelopeResource;
import org.interlock.gateway.federation.receive.Receipt;
import org.interlock.policy.Principal;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, each peer in seq order: only a peer's head is tried, so nothing overtakes it (the receiver
 * refuses a seq below one it has). Every attempt is signed afresh — new envelope id, time of issue now, same seq —
 * so a retry is never stale and, if an earlier attempt arrived but its answer was lost, is answered
 * already-received rather than refused as replayed. A row is delivered on 200 accepted or already-received; any
 * other outcome waits, doubling from retry-initial up to retry-max. An envelope the peer refuses for what it is
 * (malformed, oversized) {@value #GIVE_UP_AFTER} times in a row is given up, with an audit record, so that it does not
 * hold back every envelope behind it for ever; a refusal about trust (key, signature, time) is retried, since an
 * operator can mend it. Runs on a worker thread (JDBC, blocking HTTP), never twice at once in a replica, and a
 * peer's outbox is delivered by one replica at a time ({@link OutboxStore.Lease}).
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    /** Refusals of the envelope itself, the same however often it is signed again. */
    private static final Set<String> FOR_WHAT_IT_IS = Set.of(EnvelopeRefusal.type(RefusalReason.MALFORMED).toString(),
            EnvelopeRefusal.type(RefusalReason.OVERSIZED).toString());
    static final int GIVE_UP_AFTER = 3;
    /** The reasons a give-up is recorded under: the peer's refusal, or this side's own payload it cannot read. */
    static final String REFUSED_BY_PEER = "refused-by-peer";
    static final String UNREADABLE = "unreadable";

    private final Federation federation;
    private final OutboxStore outbox;
    private final AuditStore audit;
    private final ObjectMapper json;
    private final PeerHttpClient http;

    public OutboxDelivery(Federation federation, OutboxStore outbox, AuditStore audit, ObjectMapper json,
            PeerHttpClient http) {
        this.federation = federation;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.http = http;
    }

    @Scheduled(every = "${interlock.federation.delivery-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        Optional<Federation.Self> self = federation.self();
        if (self.isEmpty()) {
            return;
        }
        List<String> peers;
        try {
            peers = outbox.peersWithPending();
        } catch (SQLException e) {
            LOG.warnf("Federation outbox not read: %s", e.getMessage());
            return;
        }
        for (String peer : peers) {
            try {
                // Another replica delivering to this peer keeps its order; this one looks again next time.
                Optional<OutboxStore.Lease> lease = outbox.lease(peer);
                if (lease.isPresent()) {
                    try (OutboxStore.Lease held = lease.get()) {
                        deliverTo(self.get(), peer, held);
                    }
                }
            } catch (SQLException e) {
                LOG.warnf("Federation outbox for peer %s not delivered now: %s", peer, e.getMessage());
            }
        }
    }

    /**
     * What one attempt came to: delivered, refused for what the envelope is (with the reason a give-up would be
     * recorded under), or to be tried again.
     */
    private record Attempt(boolean delivered, String refusal, String outcome) {

        static Attempt delivered(String outcome) {
            return new Attempt(true, null, "delivered " + outcome);
        }

        static Attempt again(String outcome) {
            return new Attempt(false, null, outcome);
        }

        static Attempt refused(String refusal, String outcome) {
            return new Attempt(false, refusal, outcome);
        }
    }

    /** Sends the peer's head while it is due and delivered or given up, then stops at the first that must wait. */
    private void deliverTo(Federation.Self self, String peerId, OutboxStore.Lease lease) throws SQLException {
        EnvelopeSigner signer = new EnvelopeSigner(self.peerId(), self.key(), Clock.systemUTC());
        Optional<OutboxStore.Pending> head = outbox.dueHead(peerId, Instant.now());
        while (head.isPresent() && lease.stillHeld()) {
            OutboxStore.Pending pending = head.get();
            Optional<Peer> peer = self.anchors().current().peer(peerId);
            Attempt attempt = peer.isEmpty() ? Attempt.again("peer not anchored") : attempt(signer, peer.get(), pending);
            // Refusals in a row: any other outcome (a timeout, a 5xx) starts the count again.
            int refusals = attempt.refusal() == null ? 0 : pending.refusals() + 1;
            if (refusals >= GIVE_UP_AFTER) {
                giveUp(pending, attempt);
            } else if (!attempt.delivered()) {
                Instant retryAt = Instant.now().plus(backoff(self, pending.attempts()));
                outbox.failed(pending, attempt.outcome(), refusals, retryAt);
                LOG.infof("Envelope seq %d for peer %s not delivered (%s); next attempt at %s", pending.seq(), peerId,
                        attempt.outcome(), retryAt);
                return;
            }
            head = outbox.dueHead(peerId, Instant.now());
        }
    }

    /**
     * The sending's record said queued; this one says it never crossed, under the same seq and about the same person,
     * so an auditor who counts what went to the peer, or looks up the person, does not count it as crossed.
     */
    private void giveUp(OutboxStore.Pending pending, Attempt attempt) throws SQLException {
        Instant now = Instant.now();
        AuditRecord record = AuditRecord.builder(now, new Actor(null, null, null, FederationOutbox.CLIENT, null),
                        Action.SEND_ENVELOPE, Decision.deny(attempt.refusal()))
                .resource(new Resource(FederationOutbox.RESOURCE_TYPE, Principal.PEER_PREFIX + pending.peer(),
                        pending.person(), null, null))
                .requestId(Long.toString(pending.seq()))
                .build();
        long sequence = audit.append(List.of(record), (c, stored) -> {
            OutboxStore.abandoned(c, pending, attempt.outcome(), now);
            return stored.getFirst().sequence();
        });
        LOG.errorf("Envelope seq %d for peer %s given up after %d refusals in a row (%s); audit record %d",
                pending.seq(), pending.peer(), GIVE_UP_AFTER, attempt.outcome(), sequence);
    }

    private Attempt attempt(EnvelopeSigner signer, Peer peer, OutboxStore.Pending pending) throws SQLException {
        EnvelopeContent content;
        try {
            content = PayloadCodec.read(pending.payload());
        } catch (PayloadCodec.Malformed e) {
            return Attempt.refused(UNREADABLE, "payload unreadable: " + e.getMessage());
        }
        String compact = signer.sign(content, pending.seq()).compact();
        HttpRequest request = HttpRequest.newBuilder(URI.create(peer.gateway() + EnvelopeResource.PATH))
                .timeout(PeerHttpClient.TIMEOUT).header("Content-Type", EnvelopeResource.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(compact)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            return Attempt.again("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.again("interrupted");
        }
        return answered(pending, response);
    }

    private Attempt answered(OutboxStore.Pending pending, HttpResponse<String> response) throws SQLException {
        JsonNode body = body(response);
        if (response.statusCode() != 200) {
            String outcome = "HTTP " + response.statusCode() + " " + body.path("type").asText("");
            return FOR_WHAT_IT_IS.contains(body.path("type").asText()) ? Attempt.refused(REFUSED_BY_PEER, outcome)
                    : Attempt.again(outcome);
        }
        String outcome = body.path("outcome").asText();
        if ((Receipt.ACCEPTED.equals(outcome) || Receipt.ALREADY_RECEIVED.equals(outcome))
                && body.path("sequence").asLong(-1) == pending.seq()) {
            outbox.delivered(pending, body.path("receipt").asLong(), outcome, Instant.now());
            return Attempt.delivered(outcome);
        }
        return Attempt.again("HTTP 200 without a receipt for seq " + pending.seq());
    }

    /** The answer's JSON (a receipt or a problem), or an empty object: what is not JSON says nothing. */
    private JsonNode body(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body == null ? json.createObjectNode() : body;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static Duration backoff(Federation.Self self, int attemptsBefore) {
        Duration wait = self.retryInitial().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return wait.compareTo(self.retryMax()) > 0 ? self.retryMax() : wait;
    }
}
