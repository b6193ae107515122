package org.interlock.federation.envelope;

import org.interlock.federation.RefusalReason;

/** The outcome of verifying a received envelope. */
public sealed interface Verification {

    record Accepted(Envelope envelope) implements Verification {
    }

    /**
     * Refused, with the coded reason and a detail for operators and the audit record that names peers, keys and
     * envelope ids but never anything from the payload.
     */
    record Refused(RefusalReason reason, String detail) implements Verification {
    }
}
