package org.interlock.federation.conditions;

import java.time.Instant;
import java.util.Optional;

/**
 * A permission to pass one received item on to one recipient, as recorded from a verified envelope of the
 * originator. Only the originating peer can give it: one recorded by anyone else is ignored.
 *
 * @param originPeer the peer whose verified envelope carried the permission
 * @param envelopeId the envelope that carried the item the permission is for
 * @param recipient  who may receive the item on the receiving side
 * @param grantedAt  from when
 * @param until      until when, if limited
 * @param reference  the originator's envelope (or answer) that granted it, for the audit cross-reference
 */
public record OriginatorPermission(String originPeer, String envelopeId, String recipient, Instant grantedAt,
                                   Optional<Instant> until, String reference) {

    /** Whether this permission lets {@code item} go to {@code recipient} at {@code now}. */
    public boolean covers(ReceivedItem item, String recipient, Instant now) {
        return originPeer.equals(item.originPeer())
                && envelopeId.equals(item.envelopeId())
                && this.recipient.equals(recipient)
                && !now.isBefore(grantedAt)
                && until.map(now::isBefore).orElse(true);
    }
}
