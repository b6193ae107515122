package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.UUID;

import org.interlock.federation.envelope.Urgency;

/**
 * A request for information as this side holds it ({@code federation.requests}).
 *
 * @param id             this side's id for it (the path of its answer)
 * @param requestId      the requester's id: this side's own when outgoing, the peer's when incoming
 * @param requester      who asked here (outgoing only; null for incoming)
 * @param ownSequence    this side's audit sequence of its sending (outgoing) or receipt (incoming)
 * @param peerSequence   the other side's: of the answer's sending (outgoing), of the request's (incoming); or null
 * @param answerSequence this side's audit sequence of the answer's receipt or sending, or null
 */
public record StoredRequest(UUID id, Direction direction, String peer, String requestId, String person,
                            String purpose, Urgency urgency, String justification, Asked asked, Requester requester,
                            RequestState state, Instant createdAt, Instant deadline, long ownSequence,
                            Long peerSequence, Long answerSequence, Instant answeredAt, Instant escalatedAt) {

    /** The officer who asked, and their agency. */
    public record Requester(String subject, String agency) {
    }
}
