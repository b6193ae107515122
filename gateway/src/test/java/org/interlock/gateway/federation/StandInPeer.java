package org.interlock.gateway.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.interlock.gateway.federation.receive.ClientCertificate;
import org.interlock.audit.head.KeyId;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeVerifier;
import org.interlock.federation.envelope.Verification;
import org.interlock.federation.replay.Freshness;
import org.interlock.federation.trust.AnchorKey;
import org.interlock.federation.trust.Peer;
import org.interlock.federation.trust.TrustAnchors;

/**
 * Peer "nl" as the gateway's outbox meets it: a small Vert.x HTTP server that verifies envelopes from "home" with
 * the real verifier and answers receipts, accepting each seq once and answering a later copy already-received.
 * It can be stopped and started again on the same port, keeping what it received (as a peer's database would).
 * Over mutual TLS it requires a client certificate its trust store holds, and notes the names each one carried.
 */
final class StandInPeer {

    private final HttpServerOptions options;
    private final List<ClientCertificate> clientCertificates = new ArrayList<>();

    StandInPeer() {
        this(new HttpServerOptions());
    }

    private StandInPeer(HttpServerOptions options) {
        this.options = options;
    }

    /** A peer serving HTTPS as {@code own}, asking every client for a certificate of {@code trusted}'s. */
    static StandInPeer overMutualTls(PeerCertificates.Party own, PeerCertificates.Party trusted) {
        return new StandInPeer(new HttpServerOptions().setSsl(true).setClientAuth(ClientAuth.REQUIRED)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(own.certificate().toString())
                        .setKeyPath(own.key().toString()))
                .setTrustOptions(new PemTrustOptions().addCertPath(trusted.certificate().toString())));
    }

    private final Vertx vertx = Vertx.vertx();
    private final EnvelopeVerifier verifier = new EnvelopeVerifier(() -> new TrustAnchors(List.of(new Peer("home",
            URI.create("http://127.0.0.1:9"), List.of(new AnchorKey(KeyId.of(FederationKeys.HOME.getPublic()),
                    FederationKeys.HOME.getPublic(), Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2036-01-01T00:00:00Z"), false))))),
            new Freshness(Duration.ofMinutes(5)), EnvelopeVerifier.DEFAULT_MAX_ENVELOPE_CHARS, Clock.systemUTC());
    private final List<Long> accepted = new ArrayList<>();
    private final Map<Long, Integer> copies = new HashMap<>();
    private final Map<Long, Refusal> refusals = new HashMap<>();
    private HttpServer server;
    private int port;

    /** Listens on {@code port} (0 for any free one the first time); returns the port. */
    synchronized int start(int wanted) throws Exception {
        server = vertx.createHttpServer(options).requestHandler(request -> request.body().onSuccess(body -> {
            ClientCertificate.of(request).ifPresent(this::presented);
            Verification verification = verifier.verify(body.toString());
            if (!(verification instanceof Verification.Accepted(Envelope envelope))) {
                request.response().setStatusCode(401).end();
                return;
            }
            Refusal refusal = refusal(envelope.auditSequence());
            if (refusal != null) {
                request.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "urn:interlock:problem:federation:" + refusal.code())
                                .put("status", refusal.status()).encode());
                return;
            }
            String outcome = receive(envelope.auditSequence());
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("outcome", outcome).put("peer", envelope.senderPeer())
                    .put("sequence", envelope.auditSequence()).put("envelopeId", envelope.envelopeId())
                    .put("receipt", 1000 + envelope.auditSequence() % 1000).encode());
        })).listen(wanted, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        return port;
    }

    synchronized void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    void close() throws Exception {
        stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    /** How this peer refuses an envelope, as its gateway would: a status and a refusal code. */
    record Refusal(int status, String code) {
    }

    /** From now on, every copy of {@code seq} is refused so. */
    synchronized void refuse(long seq, Refusal refusal) {
        refusals.put(seq, refusal);
    }

    private synchronized void presented(ClientCertificate certificate) {
        clientCertificates.add(certificate);
    }

    /** The client certificates presented with the envelopes received, in order. */
    synchronized List<ClientCertificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    private synchronized Refusal refusal(long seq) {
        return refusals.get(seq);
    }

    private synchronized String receive(long seq) {
        int before = copies.merge(seq, 1, Integer::sum) - 1;
        if (before > 0) {
            return "already-received";
        }
        accepted.add(seq);
        return "accepted";
    }

    /** The seqs accepted, in the order they arrived; each at most once by construction. */
    synchronized List<Long> accepted() {
        return List.copyOf(accepted);
    }
}
