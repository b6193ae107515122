package org.interlock.people.review;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A review item as an identity manager sees it.
 *
 * @param kind CANDIDATE: {@code person} may be {@code candidate}; CONFLICT: an assertion about
 *             {@code person} contradicts {@code candidate}'s record sharing {@code identifier}
 * @param status OPEN, CONFIRMED or REJECTED
 * @param merge the merge a confirmation made, if any
 */
public record ReviewView(UUID id, String kind, String status, String person, String candidate, Double score,
        String identifier, String detail, OffsetDateTime raisedAt, String decidedBy, OffsetDateTime decidedAt,
        UUID merge) {
}
