package org.interlock.audit.record;

/** What the gateway did that left the record. */
public enum Action {
    /** A policy decision on its own, e.g. "would S see R?" asked by an operator. */
    DECIDE,
    /** Data released (or refused) in a REST response through the gateway. */
    DISCLOSE_REST,
    /** A change submitted through the gateway to an agency service (or refused). */
    CHANGE_REST,
    /** An agency event routed by the exchange to a recipient's inbox (or withheld). */
    ROUTE_EVENT,
    /** An erasure notice sent to a recipient: what it received under a consent now withdrawn or expired. */
    ERASURE_REQUESTED,
    /** A recipient's confirmation that it erased what a notice listed. */
    ERASURE_CONFIRMED,
    /** An event pushed to an analyst on a live feed (or withheld). */
    PUSH_FEED,
    /** An auditor's query of this log: auditors are audited too. */
    AUDIT_QUERY,
    /** A policy, agreement or key change taking effect. */
    POLICY_CHANGE,
    /**
     * An auditor's verdict on a break-glass access: its resource names the review and the person, whose id is
     * the sequence of the break-glass record reviewed; the decision is permit "justified" or deny "unjustified".
     */
    REVIEW_BREAK_GLASS,
    /**
     * A review trigger that fired on agency events (ADR 0015): its resource names the notice and the person; the
     * decision is permit (the rule's id) when the notice goes to the actor's inbox, deny when the policy withholds it
     * from that inbox or nobody leads the person's case.
     */
    REVIEW_TRIGGER,
    /**
     * An envelope from a federation peer (ADR 0021), accepted or refused: the actor's subject is
     * {@code federation:<peer>} (as verified, or for a refusal before authentication as claimed), the resource is
     * {@code federation-envelope} with the sender's audit sequence number as its id, the request id is the
     * envelope id (for a request for information or its answer, the request's id instead); the decision is
     * permit {@code accepted} or {@code already-received}, or deny with the refusal code. Never anything of the
     * payload.
     */
    RECEIVE_ENVELOPE,
    /**
     * An envelope put in this deployment's outbox for a federation peer (ADR 0021): the record's own sequence is
     * the envelope's {@code seq}; the resource is {@code federation-envelope} addressed to {@code federation:<peer>}
     * (its id); the decision is permit {@code queued}. Never anything of the payload. An envelope of a request for
     * information, or of its answer, is sent by the officer or the single point of contact who acted: the actor is
     * that person, the request id is the request's (the requester's id, which both logs name) and the resource
     * names the person asked about.
     */
    SEND_ENVELOPE,
    /**
     * A request for information about a person put to the disclosure point for a federation peer before it is sent
     * (ADR 0021): the actor is the officer who asks, the resource is {@code information-request} with this side's
     * request id as its id and the person; the request id is the request's. Permit under an agreement to
     * {@code federation:<peer>} for category {@code information-request}, or deny: nothing is sent. A permitted
     * request is followed by the SEND_ENVELOPE record of its envelope.
     */
    ASK_PEER,
    /**
     * One part of an answer to a federation peer's request for information (ADR 0021), as the disclosure point
     * decided it for {@code federation:<peer>}: the actor is the single point of contact, the resource is
     * {@code federation-request} with the requester's audit sequence of the request as its id, the person and the
     * part's category; the request id is the requester's. Permit under an agreement, or deny: the part is withheld.
     */
    ANSWER_REQUEST,
    /**
     * A request for information whose deadline passed unanswered (ADR 0021): the escalation. The resource is
     * {@code federation-request} with this side's request id, the person; the request id is the requester's; the
     * decision is deny {@code overdue}. The request stays answerable.
     */
    REQUEST_OVERDUE,
    /**
     * A deployment's aggregate outcomes of interventions for one period, put to the disclosure point for one
     * federation peer (issue 18, ADR 0021): the actor is the single point of contact who published, the resource
     * is {@code intervention-outcomes} with {@code federation:<peer>/<period>} as its id, and no person; permit under the agreement to {@code federation:<peer>}, or deny (nothing is sent). A permitted
     * publication is followed by the SEND_ENVELOPE record of its envelope.
     */
    PUBLISH_OUTCOMES,
    /**
     * A read of the outcomes tables for one period (this deployment's, suppressed, beside its peers'): the actor
     * is the reader, the resource {@code intervention-outcomes} with the period as its id; permit {@code read}.
     */
    READ_OUTCOMES
}
