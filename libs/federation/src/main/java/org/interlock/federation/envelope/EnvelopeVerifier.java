package org.interlock.federation.envelope;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;

import org.interlock.audit.head.KeyId;
import org.interlock.federation.RefusalReason;
import org.interlock.federation.replay.ReplayGuard;
import org.interlock.federation.trust.AnchorKey;
import org.interlock.federation.trust.Peer;
import org.interlock.federation.trust.TrustAnchors;

/**
 * Verifies a received compact JWS envelope, cheapest and least trusting checks first: size before parsing; the
 * header's shape, algorithm and type; the sender and key against the trust anchors as they are now; the
 * signature; only then the payload, and the replay window, which thus only ever remembers authenticated ids.
 * Any failure refuses the whole envelope with one {@link RefusalReason}.
 */
public final class EnvelopeVerifier {

    /** The maximum size the gateway configures unless told otherwise (ADR 0021). */
    public static final int DEFAULT_MAX_ENVELOPE_CHARS = 256 * 1024;
    private static final Set<String> HEADER_CLAIMS = Set.of(EnvelopeHeader.SENDER, EnvelopeHeader.ENVELOPE_ID,
            EnvelopeHeader.ISSUED_AT, EnvelopeHeader.AUDIT_SEQUENCE);
    private static final Pattern PEER_ID = EnvelopeClaims.PEER_ID;
    private static final Pattern ENVELOPE_ID = EnvelopeClaims.ENVELOPE_ID;

    private final Supplier<TrustAnchors> anchors;
    private final ReplayGuard replay;
    private final int maxEnvelopeChars;
    private final Clock clock;

    /**
     * @param anchors          the trust anchors in force, asked on every envelope so a revocation acts at once
     * @param maxEnvelopeChars the longest compact JWS accepted (its characters are its bytes: it is ASCII)
     */
    public EnvelopeVerifier(Supplier<TrustAnchors> anchors, ReplayGuard replay, int maxEnvelopeChars, Clock clock) {
        this.anchors = anchors;
        this.replay = replay;
        this.maxEnvelopeChars = maxEnvelopeChars;
        this.clock = clock;
    }

    public Verification verify(String compact) {
        try {
            return new Verification.Accepted(check(compact));
        } catch (Refusal refusal) {
            return new Verification.Refused(refusal.reason, refusal.getMessage());
        }
    }

    private Envelope check(String compact) throws Refusal {
        if (compact.length() > maxEnvelopeChars) {
            throw new Refusal(RefusalReason.OVERSIZED, "longer than " + maxEnvelopeChars + " characters");
        }
        String[] parts = canonicalParts(compact);
        JWSHeader header = header(parts[0]);
        String sender = claim(header, EnvelopeHeader.SENDER, PEER_ID);
        String envelopeId = claim(header, EnvelopeHeader.ENVELOPE_ID, ENVELOPE_ID);
        Instant issuedAt = Instant.ofEpochSecond(number(header, EnvelopeHeader.ISSUED_AT));
        long sequence = number(header, EnvelopeHeader.AUDIT_SEQUENCE);
        Instant now = clock.instant();
        AnchorKey key = anchoredKey(sender, keyId(header), now);
        verifySignature(parts, key, sender);
        EnvelopeContent content = content(parts[1]);
        Optional<RefusalReason> replayed = replay.admit(sender, envelopeId, issuedAt, sequence, now);
        if (replayed.isPresent()) {
            throw new Refusal(replayed.get(), "envelope " + envelopeId + " from peer " + sender
                    + " issued " + issuedAt + ", sequence " + sequence);
        }
        return new Envelope(sender, key.id(), envelopeId, sequence, issuedAt, content);
    }

    /**
     * Three base64url parts, each exactly as its bytes encode: no padding, no spare bits, no other characters (a
     * lenient decoder would otherwise accept more than one spelling of the same signature). A part may be empty
     * here, so that an unsecured JWS ({@code alg: none}, no signature) is refused for its algorithm.
     */
    private static String[] canonicalParts(String compact) throws Refusal {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new Refusal(RefusalReason.MALFORMED, "not a compact JWS of three parts");
        }
        for (String part : parts) {
            if (!Base64URL.encode(new Base64URL(part).decode()).toString().equals(part)) {
                throw new Refusal(RefusalReason.MALFORMED, "a part is not canonical base64url");
            }
        }
        return parts;
    }

    private static JWSHeader header(String encoded) throws Refusal {
        Header parsed;
        try {
            parsed = Header.parse(new Base64URL(encoded));
        } catch (ParseException e) {
            throw new Refusal(RefusalReason.MALFORMED, "the header is not a JOSE header");
        }
        if (!(parsed instanceof JWSHeader header) || !EnvelopeHeader.ALGORITHM.equals(header.getAlgorithm())) {
            throw new Refusal(RefusalReason.WRONG_ALGORITHM, "alg is not EdDSA");
        }
        if (!EnvelopeHeader.TYPE.equals(header.getType())) {
            throw new Refusal(RefusalReason.WRONG_TYPE, "typ is not " + EnvelopeHeader.TYPE);
        }
        boolean keyInHeader = header.getJWK() != null || header.getJWKURL() != null
                || header.getX509CertURL() != null || header.getX509CertChain() != null;
        if (header.getCriticalParams() != null || !header.isBase64URLEncodePayload() || keyInHeader
                || !HEADER_CLAIMS.containsAll(header.getCustomParams().keySet())) {
            throw new Refusal(RefusalReason.UNSUPPORTED_HEADER,
                    "the header has members beyond alg, typ, kid, iss, jti, iat and seq");
        }
        return header;
    }

    private static String claim(JWSHeader header, String name, Pattern shape) throws Refusal {
        if (!(header.getCustomParam(name) instanceof String value) || !shape.matcher(value).matches()) {
            throw new Refusal(RefusalReason.MALFORMED, "header member " + name + " is missing or malformed");
        }
        return value;
    }

    private static long number(JWSHeader header, String name) throws Refusal {
        Object value = header.getCustomParam(name);
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < 0) {
            throw new Refusal(RefusalReason.MALFORMED, "header member " + name + " is not a whole number >= 0");
        }
        return ((Number) value).longValue();
    }

    private static KeyId keyId(JWSHeader header) throws Refusal {
        try {
            return KeyId.fromHex(header.getKeyID());
        } catch (IllegalArgumentException e) {
            throw new Refusal(RefusalReason.MALFORMED, "kid is not a key id of 64 hexadecimal digits");
        }
    }

    private AnchorKey anchoredKey(String sender, KeyId keyId, Instant now) throws Refusal {
        Peer peer = anchors.get().peer(sender)
                .orElseThrow(() -> new Refusal(RefusalReason.UNKNOWN_PEER, "peer " + sender + " is not anchored"));
        AnchorKey key = peer.key(keyId).orElseThrow(() -> new Refusal(RefusalReason.UNKNOWN_KEY,
                "key " + keyId + " is not anchored for peer " + sender));
        Optional<RefusalReason> unusable = key.unusableAt(now);
        if (unusable.isPresent()) {
            throw new Refusal(unusable.get(), "key " + keyId + " of peer " + sender + " is not usable at " + now
                    + " (valid " + key.notBefore() + " to " + key.notAfter() + ", revoked " + key.revoked() + ")");
        }
        return key;
    }

    private static void verifySignature(String[] parts, AnchorKey key, String sender) throws Refusal {
        try {
            JWSObject jws = new JWSObject(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]));
            if (jws.verify(JdkEd25519.verifier(key.publicKey()))) {
                return;
            }
        } catch (ParseException | JOSEException e) {
            // Falls through: whatever Nimbus could not check is not a good signature.
        }
        throw new Refusal(RefusalReason.BAD_SIGNATURE, "signature does not verify under key " + key.id()
                + " of peer " + sender);
    }

    private static EnvelopeContent content(String encodedPayload) throws Refusal {
        try {
            return PayloadCodec.read(new Base64URL(encodedPayload).decodeToString());
        } catch (PayloadCodec.Malformed e) {
            throw new Refusal(RefusalReason.MALFORMED, e.getMessage());
        }
    }

    /** Carries a refusal out of the checks; never leaves this class. */
    private static final class Refusal extends Exception {
        private final RefusalReason reason;

        Refusal(RefusalReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
