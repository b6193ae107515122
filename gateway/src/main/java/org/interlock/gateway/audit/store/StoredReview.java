package org.interlock.gateway.audit.store;

import java.time.Instant;

/**
 * A break-glass review as stored: the access it reviews (the audit record of sequence
 * {@code disclosure}, with who, about whom and why copied from it) and, once closed, the verdict,
 * its note, who gave it, when, and the sequence of the audit record that carries it.
 */
public record StoredReview(long disclosure, Instant openedAt, String actorSubject, String actorAgency,
        String actorOrg, String person, String reason, String verdict, String note, String decidedBy,
        Instant decidedAt, Long verdictRecord) {

    public boolean open() {
        return verdict == null;
    }
}
