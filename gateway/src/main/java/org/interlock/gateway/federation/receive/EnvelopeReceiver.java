package org.interlock.gateway.federation.receive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.interlock.audit.record.AuditRecord;
import org.interlock.federation.RefusalReason;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeClaims;
import org.interlock.federation.envelope.Verification;
import org.interlock.federation.trust.Peer;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Receives an envelope from a peer: where mutual TLS is required, a verified client certificate first; then verify
 * (shape, anchors, signature, freshness), bind the certificate to the signing peer, then admit it durably, and
 * audit the outcome either way. An accepted envelope is stored in the transaction that appends its audit record,
 * so it is never held without the record, nor recorded without being held. A refusal is audited before it is
 * answered; if the audit log cannot take it, the peer gets 503 and its outbox tries again.
 * Blocking (JDBC): called on a worker thread.
 */
@ApplicationScoped
public class EnvelopeReceiver {

    private static final Logger LOG = Logger.getLogger(EnvelopeReceiver.class);

    /** A receipt or a refusal, as the endpoint answers it. */
    public sealed interface Outcome {
        record Held(Receipt receipt) implements Outcome {
        }

        record Refused(EnvelopeRefusal refusal) implements Outcome {
        }
    }

    private final Federation federation;
    private final AuditStore store;
    private final AuditTrail trail;
    private final List<EnvelopeHandler> handlers;

    public EnvelopeReceiver(Federation federation, AuditStore store, AuditTrail trail,
            Instance<EnvelopeHandler> handlers) {
        this.federation = federation;
        this.store = store;
        this.trail = trail;
        this.handlers = handlers.stream().toList();
    }

    /** Receives {@code body}, sent over a connection that presented {@code certificate} (or none). */
    public Outcome receive(byte[] body, Optional<ClientCertificate> certificate, String traceId) {
        Federation.Self self = federation.self().orElseThrow(() -> ProblemException.notFound("No federation here"));
        if (!ascii(body)) {
            return refuse(new EnvelopeRefusal(RefusalReason.MALFORMED, "the body is not ASCII", EnvelopeClaims.NONE),
                    traceId);
        }
        String compact = new String(body, StandardCharsets.US_ASCII);
        if (self.clientCertificateRequired() && certificate.isEmpty()) {
            return refuse(new EnvelopeRefusal(RefusalReason.CLIENT_CERTIFICATE_REQUIRED,
                    "sent without a verified TLS client certificate", EnvelopeClaims.of(compact)), traceId);
        }
        return switch (self.verifier().verify(compact)) {
            case Verification.Refused refused -> refuse(new EnvelopeRefusal(refused.reason(), refused.detail(),
                    EnvelopeClaims.of(compact)), traceId);
            case Verification.Accepted accepted -> self.clientCertificateRequired()
                    && !issuedToSigner(self, accepted.envelope(), certificate.orElseThrow())
                    ? refuse(new EnvelopeRefusal(RefusalReason.CLIENT_CERTIFICATE_MISMATCH, "the TLS client"
                            + " certificate is not issued to the name, by the issuer, anchored for peer "
                            + accepted.envelope().senderPeer(), EnvelopeClaims.of(accepted.envelope())), traceId)
                    : admit(accepted.envelope(), compact, traceId);
        };
    }

    /**
     * The transport's peer is the signer: a certificate another peer holds, or one another peer's CA issued in this
     * peer's name, cannot carry an envelope signed with this peer's key. Both the name and the issuer must be the
     * anchored ones; a peer anchored without an issuer matches no certificate (fail closed). The verifier found the
     * signer anchored a moment ago; an anchor gone since counts as no match.
     */
    private static boolean issuedToSigner(Federation.Self self, Envelope envelope, ClientCertificate certificate) {
        return self.anchors().current().peer(envelope.senderPeer())
                .filter(peer -> certificate.carries(peer.clientCertificateName()))
                .flatMap(Peer::clientCertificateIssuer).map(certificate::issuedBy).orElse(false);
    }

    /** Refuses what was not read at all (too large, or of unknown length): audited with no claims. */
    public Outcome refuseUnread(RefusalReason reason, String detail, String traceId) {
        return refuse(new EnvelopeRefusal(reason, detail, EnvelopeClaims.NONE), traceId);
    }

    private Outcome admit(Envelope envelope, String compact, String traceId) {
        EnvelopeClaims claims = EnvelopeClaims.of(envelope);
        byte[] digest = payloadDigest(compact);
        try {
            Optional<String> request = requestId(envelope);
            long receipt = store.append(List.of(ReceiptRecords.accepted(claims, envelope, request, traceId)),
                    (c, stored) -> {
                        long sequence = stored.getFirst().sequence();
                        ReceivedEnvelopes.admit(c, envelope, digest, compact, sequence);
                        handle(c, envelope, sequence);
                        return sequence;
                    });
            LOG.infof("Envelope %s from peer %s (sequence %d) accepted, audit record %d", envelope.envelopeId(),
                    envelope.senderPeer(), envelope.auditSequence(), receipt);
            return held(Receipt.ACCEPTED, envelope, receipt);
        } catch (ReceivedEnvelopes.AlreadyReceived already) {
            record(ReceiptRecords.alreadyReceived(claims, requestId(envelope), traceId));
            return held(Receipt.ALREADY_RECEIVED, envelope, already.receipt);
        } catch (ReceivedEnvelopes.NotAdmitted refused) {
            return refuse(new EnvelopeRefusal(refused.reason, refused.getMessage(), claims), traceId);
        } catch (EnvelopeHandler.Unprocessable unprocessable) {
            return refuse(new EnvelopeRefusal(RefusalReason.MALFORMED, "envelope " + envelope.envelopeId()
                    + " from peer " + envelope.senderPeer() + ": " + unprocessable.getMessage(), claims), traceId);
        } catch (SQLException e) {
            LOG.warnf("Envelope %s from peer %s not stored: %s", envelope.envelopeId(), envelope.senderPeer(),
                    e.getMessage());
            throw unavailable();
        }
    }

    /** The request for information the envelope belongs to, as the first handler of its kind that knows names it. */
    private Optional<String> requestId(Envelope envelope) {
        String type = type(envelope);
        return handlers.stream().filter(handler -> handler.handles(type))
                .map(handler -> handler.requestId(envelope)).flatMap(Optional::stream).findFirst();
    }

    private static String type(Envelope envelope) {
        return envelope.content().event().path("type").asText();
    }

    /** Gives the envelope to every handler of its kind; one of a kind nobody here takes is kept as received only. */
    private void handle(Connection c, Envelope envelope, long receipt) throws SQLException {
        String type = type(envelope);
        for (EnvelopeHandler handler : handlers) {
            if (handler.handles(type)) {
                handler.accepted(c, envelope, receipt);
            }
        }
    }

    private Outcome refuse(EnvelopeRefusal refusal, String traceId) {
        record(ReceiptRecords.refused(refusal, traceId));
        LOG.infof("Envelope refused (%s): %s", refusal.reason().code(), refusal.detail());
        return new Outcome.Refused(refusal);
    }

    private void record(AuditRecord record) {
        trail.recordAndWait(List.of(record));
    }

    private static Outcome held(String outcome, Envelope envelope, long receipt) {
        return new Outcome.Held(new Receipt(outcome, envelope.senderPeer(), envelope.auditSequence(),
                envelope.envelopeId(), receipt));
    }

    /** A compact JWS is ASCII; anything else is refused before it is decoded as text at all. */
    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the signed payload's bytes: the same for every re-signing of one sending. */
    private static byte[] payloadDigest(String compact) {
        String payload = compact.substring(compact.indexOf('.') + 1, compact.lastIndexOf('.'));
        try {
            return MessageDigest.getInstance("SHA-256").digest(Base64.getUrlDecoder().decode(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The envelope could not be stored with its audit record; send it again later");
    }
}
