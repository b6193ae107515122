package org.interlock.gateway.federation.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeSigner;
import org.interlock.federation.envelope.PayloadCodec;
import org.interlock.federation.trust.Peer;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.receive.EnvelopeResource;
import org.interlock.gateway.federation.receive.Receipt;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, each peer in seq order: only a peer's head is tried, so nothing overtakes it (the receiver
 * refuses a seq below one it has). Every attempt is signed afresh — new envelope id, time of issue now, same seq —
 * so a retry is never stale and, if an earlier attempt arrived but its answer was lost, is answered
 * already-received rather than refused as replayed. A row is delivered on 200 accepted or already-received; any
 * other outcome waits, doubling from retry-initial up to retry-max. Runs on a worker thread (JDBC, blocking HTTP),
 * never twice at once.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Federation federation;
    private final OutboxStore outbox;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public OutboxDelivery(Federation federation, OutboxStore outbox, ObjectMapper json) {
        this.federation = federation;
        this.outbox = outbox;
        this.json = json;
    }

    @Scheduled(every = "${interlock.federation.delivery-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        Optional<Federation.Self> self = federation.self();
        if (self.isEmpty()) {
            return;
        }
        try {
            for (String peer : outbox.peersWithPending()) {
                deliverTo(self.get(), peer);
            }
        } catch (SQLException e) {
            LOG.warnf("Federation outbox not read: %s", e.getMessage());
        }
    }

    /** Sends the peer's head while it is due and delivered, then stops at the first that must wait. */
    private void deliverTo(Federation.Self self, String peerId) throws SQLException {
        EnvelopeSigner signer = new EnvelopeSigner(self.peerId(), self.key(), Clock.systemUTC());
        Optional<OutboxStore.Pending> head = outbox.dueHead(peerId, Instant.now());
        while (head.isPresent()) {
            OutboxStore.Pending pending = head.get();
            Optional<Peer> peer = self.anchors().current().peer(peerId);
            String outcome = peer.isEmpty() ? "peer not anchored" : attempt(signer, peer.get(), pending);
            if (!outcome.startsWith("delivered")) {
                Instant retryAt = Instant.now().plus(backoff(self, pending.attempts()));
                outbox.failed(pending, outcome, retryAt);
                LOG.infof("Envelope seq %d for peer %s not delivered (%s); next attempt at %s", pending.seq(), peerId,
                        outcome, retryAt);
                return;
            }
            head = outbox.dueHead(peerId, Instant.now());
        }
    }

    private String attempt(EnvelopeSigner signer, Peer peer, OutboxStore.Pending pending) throws SQLException {
        EnvelopeContent content;
        try {
            content = PayloadCodec.read(pending.payload());
        } catch (PayloadCodec.Malformed e) {
            return "payload unreadable: " + e.getMessage();
        }
        String compact = signer.sign(content, pending.seq()).compact();
        HttpRequest request = HttpRequest.newBuilder(URI.create(peer.gateway() + EnvelopeResource.PATH))
                .timeout(TIMEOUT).header("Content-Type", EnvelopeResource.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(compact)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "unreachable: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return answered(pending, response);
    }

    private String answered(OutboxStore.Pending pending, HttpResponse<String> response) throws SQLException {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        try {
            JsonNode receipt = json.readTree(response.body());
            String outcome = receipt.path("outcome").asText();
            if ((Receipt.ACCEPTED.equals(outcome) || Receipt.ALREADY_RECEIVED.equals(outcome))
                    && receipt.path("sequence").asLong(-1) == pending.seq()) {
                outbox.delivered(pending, receipt.path("receipt").asLong(), outcome, Instant.now());
                return "delivered " + outcome;
            }
        } catch (IOException e) {
            // Falls through: an answer that is not a receipt for this seq is not a delivery.
        }
        return "HTTP 200 without a receipt for seq " + pending.seq();
    }

    private static Duration backoff(Federation.Self self, int attemptsBefore) {
        Duration wait = self.retryInitial().multipliedBy(1L << Math.min(attemptsBefore, 20));
        return wait.compareTo(self.retryMax()) > 0 ? self.retryMax() : wait;
    }
}
