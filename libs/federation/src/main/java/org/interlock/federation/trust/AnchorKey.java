package org.interlock.federation.trust;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;

import org.interlock.audit.head.KeyId;
import org.interlock.federation.RefusalReason;

/**
 * One of a peer's federation signing keys as this deployment's operators anchored it: the key, its id (the audit
 * log's convention, SHA-256 of the SubjectPublicKeyInfo), when it may be used, and whether it was revoked.
 */
public record AnchorKey(KeyId id, PublicKey publicKey, Instant notBefore, Instant notAfter, boolean revoked) {

    public AnchorKey {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a key's notAfter must be later than its notBefore");
        }
    }

    /** Why the key may not be used at {@code now}, or empty when it may: revocation first, then validity. */
    public Optional<RefusalReason> unusableAt(Instant now) {
        if (revoked) {
            return Optional.of(RefusalReason.KEY_REVOKED);
        }
        if (now.isBefore(notBefore)) {
            return Optional.of(RefusalReason.KEY_NOT_YET_VALID);
        }
        if (!now.isBefore(notAfter)) {
            return Optional.of(RefusalReason.KEY_EXPIRED);
        }
        return Optional.empty();
    }
}
