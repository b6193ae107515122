package org.interlock.federation;

/**
 * Why a received envelope was refused, as a stable code: the receiving gateway audits it and answers the sender
 * with a problem type named after it ({@code urn:interlock:problem:federation:<code>}). The order of the constants is
 * the order in which they are checked (ADR 0021): the size and the TLS client certificate by the receiving gateway,
 * then the envelope by {@code EnvelopeVerifier}, then the certificate against the verified sender, then what was
 * received before.
 */
public enum RefusalReason {
    /** Longer than the configured maximum; refused before anything is parsed. */
    OVERSIZED("oversized"),
    /** Mutual TLS is required and the request came without a client certificate the server's trust store verified. */
    CLIENT_CERTIFICATE_REQUIRED("client-certificate-required"),
    /** Not a compact JWS, not canonical base64url, or a header or payload member missing or of the wrong shape. */
    MALFORMED("malformed"),
    /** Anything but {@code EdDSA}: {@code none}, HMAC, RSA, ECDSA. */
    WRONG_ALGORITHM("wrong-algorithm"),
    /** A {@code typ} other than {@code interlock-federation+jws}. */
    WRONG_TYPE("wrong-type"),
    /** A header member that would change how the envelope is read or checked: crit, b64, jwk, jku, x5u, x5c. */
    UNSUPPORTED_HEADER("unsupported-header"),
    /** A sender peer id not among the trust anchors. */
    UNKNOWN_PEER("unknown-peer"),
    /** A key id that is not one of the sender peer's anchored keys. */
    UNKNOWN_KEY("unknown-key"),
    /** The anchored key's validity has not begun. */
    KEY_NOT_YET_VALID("key-not-yet-valid"),
    /** The anchored key's validity has ended. */
    KEY_EXPIRED("key-expired"),
    /** The anchored key is marked revoked. */
    KEY_REVOKED("key-revoked"),
    /** The signature does not verify under the anchored key. */
    BAD_SIGNATURE("bad-signature"),
    /** Issued later than now plus the allowed clock skew. */
    ISSUED_IN_FUTURE("issued-in-future"),
    /** Issued earlier than now minus the allowed clock skew. */
    STALE("stale"),
    /** The TLS client certificate does not carry the name anchored for the peer that signed the envelope. */
    CLIENT_CERTIFICATE_MISMATCH("client-certificate-mismatch"),
    /** An envelope id this peer already sent inside the window. */
    REPLAYED("replayed"),
    /** The peer's window of seen ids is full: refused rather than forgetting an id that could then be replayed. */
    REPLAY_WINDOW_FULL("replay-window-full"),
    /** An audit sequence number not above the last one accepted from this peer. */
    SEQUENCE_NOT_INCREASING("sequence-not-increasing");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    /** The stable code, for audit records and problem types. */
    public String code() {
        return code;
    }
}
