package org.interlock.people.review;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A review item as an identity manager sees it.
 *
 * @param kind CANDIDATE: {@code person} may be {@code candidate}; CONFLICT: an assertion about
 *             {@code person} contradicts {@code candidate}'s record sharing {@code identifier}
 * @param grade for a CANDIDATE, the matcher's evidence: SAME_IDENTIFIER, AUTOMATIC_MATCH (a score at or
 *              above the automatic threshold) or CANDIDATE
 * @param status OPEN, CONFIRMED or REJECTED
 * @param raisedBy who asserted the record that raised it: the one identity manager who may not decide it
 * @param merge the merge a confirmation made, if any
 */
public record ReviewView(UUID id, String kind, String grade, String status, String person, String candidate,
        Double score, String identifier, String detail, String raisedBy, OffsetDateTime raisedAt, String decidedBy,
        OffsetDateTime decidedAt, UUID merge) {
}
