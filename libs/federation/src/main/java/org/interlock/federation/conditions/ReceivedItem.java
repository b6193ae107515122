package org.interlock.federation.conditions;

import java.time.Instant;
import java.util.Optional;

/**
 * An item another deployment sent, as the receiving side keeps it for deciding onward sharing: who originated it
 * (the verified sender peer, never a field of the payload), which envelope carried it, its conditions, and when the
 * originator revoked it, if it did.
 */
public record ReceivedItem(String originPeer, String envelopeId, HandlingConditions conditions,
                           Optional<Instant> revokedAt) {

    public boolean revokedAt(Instant now) {
        return revokedAt.map(revocation -> !now.isBefore(revocation)).orElse(false);
    }
}
