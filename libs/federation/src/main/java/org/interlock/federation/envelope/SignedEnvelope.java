package org.interlock.federation.envelope;

import java.time.Instant;

/** An envelope as the sender's outbox keeps and sends it: its id, when it was issued, and the compact JWS. */
public record SignedEnvelope(String envelopeId, Instant issuedAt, String compact) {
}
