package org.interlock.federation.envelope;

import java.time.Instant;

import org.interlock.audit.head.KeyId;

/**
 * A verified envelope: who sent it (the peer whose anchored key signed it), with which key, its unique id, the
 * sender's audit sequence number for the sending (so both audit logs can name each other's records), when it was
 * issued, and its content.
 */
public record Envelope(String senderPeer, KeyId keyId, String envelopeId, long auditSequence, Instant issuedAt,
                       EnvelopeContent content) {
}
