package org.interlock.gateway.federation.requests;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request for information stands (ADR 0021). The requesting side's copy is {@code sent} until the answer
 * arrives; the answering side's is {@code received} until its single point of contact answers. Either goes
 * {@code overdue} when its deadline passes unanswered, and an overdue request is still answered. Answered, partly
 * answered and refused are final: a second answer would contradict the first in the other side's log.
 * ({@code in-review}, {@code clarification-requested} and {@code withdrawn} of the ADR's design are not built.)
 */
public enum RequestState {
    SENT("sent"),
    RECEIVED("received"),
    OVERDUE("overdue"),
    ANSWERED("answered"),
    PARTLY_ANSWERED("partly-answered"),
    REFUSED("refused");

    private static final Set<RequestState> OUTCOMES = EnumSet.of(ANSWERED, PARTLY_ANSWERED, REFUSED);

    private final String code;

    RequestState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RequestState> fromCode(String code) {
        for (RequestState state : values()) {
            if (state.code.equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The outcome of an answer, by its code: answered, partly-answered or refused. */
    public static Optional<RequestState> outcome(String code) {
        return fromCode(code).filter(OUTCOMES::contains);
    }

    public boolean answered() {
        return OUTCOMES.contains(this);
    }

    /** Whether a request in this state may move to {@code next}. */
    public boolean mayBecome(RequestState next) {
        return switch (this) {
            case SENT, RECEIVED -> next == OVERDUE || OUTCOMES.contains(next);
            case OVERDUE -> OUTCOMES.contains(next);
            case ANSWERED, PARTLY_ANSWERED, REFUSED -> false;
        };
    }
}
