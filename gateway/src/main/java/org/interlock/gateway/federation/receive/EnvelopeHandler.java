package org.interlock.gateway.federation.receive;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

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
     * The request for information this envelope belongs to (a request, or its answer), when it belongs to one: the
     * receipt's audit record then names that id as its request id, as the sender's record of the sending does, so
     * the two logs name one request (the envelope id stays with the stored envelope). Read before the receipt is
     * appended; an id that is not a request id here throws {@link Unprocessable}.
     */
    default Optional<String> requestId(Envelope envelope) {
        return Optional.empty();
    }

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
