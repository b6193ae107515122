package org.interlock.gateway.audit.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert, waiting in the outbox, that the review of a break-glass access is overdue.
 *
 * @param disclosure the sequence of the break-glass record: the review's name
 * @param eventId    the alert's one event id, the same however often it is sent
 * @param agency     the accessing user's agency, to which the alert goes
 * @param org        the user's partner organisation, if any
 * @param actor      the user who broke the glass
 * @param openedAt   when the review opened (the access)
 * @param raisedAt   when the gateway found it overdue
 */
public record OverdueAlert(long disclosure, UUID eventId, String agency, String org, String actor, Instant openedAt,
        Instant raisedAt) {
}
