package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests for information and answers as the API shows them. */
public final class RequestViews {

    private RequestViews() {
    }

    /**
     * A request as this side holds it, with both sides' audit sequences for reading the two logs side by side.
     *
     * @param requestId      the requester's id (this side's own when outgoing)
     * @param ownSequence    this side's audit record of the sending (outgoing) or receipt (incoming)
     * @param peerSequence   the peer's audit record of the answer's sending (outgoing) or the request's (incoming)
     * @param answerSequence this side's audit record of the answer's receipt (outgoing) or sending (incoming)
     */
    @Schema(name = "InformationRequest")
    public record RequestView(UUID id, String direction, String peer, String requestId, String person, String purpose,
                       String urgency, String justification, List<String> categories, List<String> questions,
                       String state, Instant createdAt, Instant deadline, boolean overdue, String requester,
                       long ownSequence, Long peerSequence, Long answerSequence, Instant answeredAt,
                       Instant escalatedAt) {

        static RequestView of(StoredRequest r) {
            return new RequestView(r.id(), r.direction().code(), r.peer(), r.requestId(), r.person(), r.purpose(),
                    r.urgency().code(), r.justification(), r.asked().categories(), r.asked().questions(),
                    r.state().code(), r.createdAt(), r.deadline(), r.escalatedAt() != null,
                    r.requester() == null ? null : r.requester().subject(), r.ownSequence(), r.peerSequence(),
                    r.answerSequence(), r.answeredAt(), r.escalatedAt());
        }
    }

    @Schema(name = "InformationRequestList")
    public record RequestList(List<RequestView> requests) {
    }

    /** One refused or withheld part: its category (absent for the whole) and its code. */
    @Schema(name = "InformationAnswerRefused")
    public record RefusedView(String category, String reason) {
    }

    /**
     * An answer as sent: the outcome after the disclosure point (a part it refused is withheld as not-permitted),
     * the categories released, the parts refused, and this side's audit sequence of the sending.
     */
    @Schema(name = "InformationAnswer")
    public record AnswerView(UUID id, String requestId, String outcome, List<String> released, List<RefusedView> refused,
                      long sequence) {

        static AnswerView of(RequestAnswerer.Answered answered) {
            return new AnswerView(answered.request().id(), answered.request().requestId(),
                    answered.decided().outcome().code(),
                    answered.decided().released().stream().map(RequestEnvelopes.ReleasedPart::category).toList(),
                    answered.decided().refused().stream().map(r -> new RefusedView(r.category().orElse(null),
                            r.reason().code())).toList(),
                    answered.sequence());
        }
    }
}
