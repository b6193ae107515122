package org.interlock.federation.replay;

import java.time.Instant;
import java.util.Optional;

import org.interlock.federation.RefusalReason;

/**
 * What the verifier asks last, of an authenticated envelope only: may it be admitted now? {@link ReplayWindow}
 * remembers ids in memory; {@link Freshness} judges the time of issue alone, for a receiver that keeps the ids
 * and sequence numbers itself, durably (the gateway, in PostgreSQL, in the transaction that stores the envelope).
 */
public interface ReplayGuard {

    /** Admits the envelope, or says why not. */
    Optional<RefusalReason> admit(String peer, String envelopeId, Instant issuedAt, long auditSequence, Instant now);
}
