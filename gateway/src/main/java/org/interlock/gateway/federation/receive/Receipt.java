package org.interlock.gateway.federation.receive;

/**
 * The answer to a peer whose envelope this gateway holds: accepted now, or already received before (a retry,
 * re-signed, of the same sending). Either way the sender's outbox may mark it delivered. {@code receipt} is the
 * sequence of this gateway's audit record of the acceptance, for the sender's own record to name.
 *
 * @param outcome    {@code accepted} or {@code already-received}
 * @param peer       the sender
 * @param sequence   the sender's audit sequence number of the sending
 * @param envelopeId the id of the envelope this answer is to
 * @param receipt    this gateway's audit sequence number of the acceptance
 */
public record Receipt(String outcome, String peer, long sequence, String envelopeId, long receipt) {

    public static final String ACCEPTED = "accepted";
    public static final String ALREADY_RECEIVED = "already-received";
}
