package org.interlock.gateway.federation.receive;

import java.sql.Connection;
import java.sql.SQLException;

import org.interlock.federation.envelope.Envelope;

/**
 * What the receiving side does with an accepted envelope of a kind it knows (a share, a request for information,
 * an answer, a permission, a revocation: the CloudEvent {@code type} says which). Called inside the transaction that
 * stores the envelope and appends its receipt, so what it records is there exactly when the envelope is.
 */
public interface EnvelopeHandler {

    /** Whether this handler takes envelopes whose CloudEvent has this {@code type}. */
    boolean handles(String type);

    /**
     * Records what the envelope means, on {@code c}, in the receipt's transaction.
     *
     * @param receipt the sequence of the receipt's audit record on this side
     * @throws Unprocessable when the envelope, though authentic, cannot be taken (its whole receipt is refused)
     */
    void accepted(Connection c, Envelope envelope, long receipt) throws SQLException;

    /** An authentic envelope whose content this side cannot take: refused as malformed, nothing kept. */
    final class Unprocessable extends RuntimeException {
        public Unprocessable(String detail) {
            super(detail, null, false, false);
        }
    }
}
