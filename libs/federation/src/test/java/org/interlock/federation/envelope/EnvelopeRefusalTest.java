package org.interlock.federation.envelope;

import static org.interlock.federation.envelope.Federation.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import org.junit.jupiter.api.Test;

import org.interlock.audit.head.KeyId;
import org.interlock.federation.RefusalReason;

/** One test per refusal reason: each envelope here is refused for exactly that reason. */
class EnvelopeRefusalTest {

    private final EnvelopeVerifier verifier = Federation.verifier(Federation.anchors());

    private static void assertRefused(RefusalReason expected, Verification result) {
        assertEquals(expected, assertInstanceOf(Verification.Refused.class, result).reason(), result.toString());
    }

    @Test
    void anOversizedEnvelopeIsRefusedBeforeItIsParsed() {
        String notEvenAJws = "!".repeat(Federation.MAX_CHARS + 1);

        assertRefused(RefusalReason.OVERSIZED, verifier.verify(notEvenAJws));
    }

    @Test
    void aSignedEnvelopeLongerThanTheMaximumIsRefused() {
        String big = Federation.forge().signedBy(Federation.NL_KEY) + "A".repeat(Federation.MAX_CHARS);

        assertRefused(RefusalReason.OVERSIZED, verifier.verify(big));
    }

    @Test
    void textThatIsNotACompactJwsIsMalformed() {
        assertRefused(RefusalReason.MALFORMED, verifier.verify("hello"));
        assertRefused(RefusalReason.MALFORMED, verifier.verify("a.b.c.d"));
        assertRefused(RefusalReason.MALFORMED, verifier.verify(Federation.forge().signedBy(Federation.NL_KEY) + "="));
    }

    @Test
    void aHeaderWithoutTheSenderIsMalformed() {
        assertRefused(RefusalReason.MALFORMED, verifier.verify(Federation.forge().without("iss").signedBy(Federation.NL_KEY)));
    }

    @Test
    void anIssuedAtThatIsNotANumberIsMalformed() {
        assertRefused(RefusalReason.MALFORMED,
                verifier.verify(Federation.forge().with("iat", "yesterday").signedBy(Federation.NL_KEY)));
    }

    @Test
    void aWellSignedPayloadWithAnUnknownMemberIsMalformed() {
        String payload = PayloadCodec.write(Federation.content()).replaceFirst("\\{", "{\"onwardTo\":[\"anyone\"],");

        assertRefused(RefusalReason.MALFORMED, verifier.verify(Federation.forge().payload(payload).signedBy(Federation.NL_KEY)));
    }

    @Test
    void anUnsecuredEnvelopeIsRefusedForItsAlgorithm() {
        Federation.Forge none = Federation.forge().with("alg", "none");

        assertRefused(RefusalReason.WRONG_ALGORITHM, verifier.verify(none.signingInput() + "."));
        assertRefused(RefusalReason.WRONG_ALGORITHM, verifier.verify(none.signedBy(Federation.NL_KEY)));
    }

    @Test
    void anHmacKeyedWithThePeersPublicKeyIsRefused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("interlock-federation+jws"))
                .keyID(KeyId.of(Federation.NL_KEY.getPublic()).toHex())
                .customParams(Map.of("iss", "nl", "jti", "hmac-1", "iat", NOW.getEpochSecond(), "seq", 8L))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(PayloadCodec.write(Federation.content())));
        jws.sign(new MACSigner(Federation.NL_KEY.getPublic().getEncoded()));

        assertRefused(RefusalReason.WRONG_ALGORITHM, verifier.verify(jws.serialize()));
    }

    @Test
    void anotherTypeIsRefused() {
        String jwt = Federation.forge().with("typ", "JWT").signedBy(Federation.NL_KEY);
        String untyped = Federation.forge().without("typ").signedBy(Federation.NL_KEY);

        assertRefused(RefusalReason.WRONG_TYPE, verifier.verify(jwt));
        assertRefused(RefusalReason.WRONG_TYPE, verifier.verify(untyped));
    }

    @Test
    void criticalExtensionsEmbeddedKeysAndExtraMembersAreRefused() {
        assertRefused(RefusalReason.UNSUPPORTED_HEADER,
                verifier.verify(Federation.forge().with("crit", List.of("seq")).signedBy(Federation.NL_KEY)));
        assertRefused(RefusalReason.UNSUPPORTED_HEADER,
                verifier.verify(Federation.forge().with("jku", "https://keys.example/")
                        .signedBy(Federation.NL_KEY)));
        assertRefused(RefusalReason.UNSUPPORTED_HEADER,
                verifier.verify(Federation.forge().with("onBehalfOf", "be").signedBy(Federation.NL_KEY)));
    }

    @Test
    void anUnknownPeerIsRefused() {
        assertRefused(RefusalReason.UNKNOWN_PEER,
                verifier.verify(Federation.forge().with("iss", "xx").signedBy(Federation.NL_KEY)));
    }

    @Test
    void aKeyThatIsNotAnchoredIsRefused() {
        String stranger = Federation.forge().with("kid", KeyId.of(Federation.STRANGER_KEY.getPublic()).toHex())
                .signedBy(Federation.STRANGER_KEY);

        assertRefused(RefusalReason.UNKNOWN_KEY, verifier.verify(stranger));
    }

    @Test
    void anotherPeersKeyCannotSpeakForThisPeer() {
        String beSpeakingAsNl = Federation.forge().with("kid", KeyId.of(Federation.BE_KEY.getPublic()).toHex())
                .signedBy(Federation.BE_KEY);

        assertRefused(RefusalReason.UNKNOWN_KEY, verifier.verify(beSpeakingAsNl));
    }

    @Test
    void aSignatureByAnotherKeyUnderTheAnchoredKeyIdIsRefused() {
        assertRefused(RefusalReason.BAD_SIGNATURE, verifier.verify(Federation.forge().signedBy(Federation.STRANGER_KEY)));
    }

    @Test
    void aRevokedKeyIsRefusedThoughItsSignatureIsGood() {
        EnvelopeVerifier revoked = Federation.verifier(Federation.anchorsWithNl(Federation.anchor(Federation.NL_KEY,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), true)));

        assertRefused(RefusalReason.KEY_REVOKED, revoked.verify(Federation.forge().signedBy(Federation.NL_KEY)));
    }

    @Test
    void anExpiredKeyIsRefusedThoughItsSignatureIsGood() {
        EnvelopeVerifier expired = Federation.verifier(Federation.anchorsWithNl(Federation.anchor(Federation.NL_KEY,
                NOW.minus(Duration.ofDays(10)), NOW, false)));

        assertRefused(RefusalReason.KEY_EXPIRED, expired.verify(Federation.forge().signedBy(Federation.NL_KEY)));
    }

    @Test
    void aKeyNotYetValidIsRefusedThoughItsSignatureIsGood() {
        EnvelopeVerifier early = Federation.verifier(Federation.anchorsWithNl(Federation.anchor(Federation.NL_KEY,
                NOW.plusSeconds(1), NOW.plus(Duration.ofDays(10)), false)));

        assertRefused(RefusalReason.KEY_NOT_YET_VALID, early.verify(Federation.forge().signedBy(Federation.NL_KEY)));
    }

    @Test
    void anEnvelopeIssuedBeyondTheSkewIsRefused() {
        Duration beyond = Federation.SKEW.plusSeconds(1);

        assertRefused(RefusalReason.STALE,
                verifier.verify(Federation.nlSigner(NOW.minus(beyond)).sign(Federation.content(), 1).compact()));
        assertRefused(RefusalReason.ISSUED_IN_FUTURE,
                verifier.verify(Federation.nlSigner(NOW.plus(beyond)).sign(Federation.content(), 2).compact()));
    }

    @Test
    void theSameEnvelopeIsAcceptedOnceAndThenRefusedAsReplayed() {
        String envelope = Federation.nlSigner(NOW).sign(Federation.content(), 1).compact();

        assertInstanceOf(Verification.Accepted.class, verifier.verify(envelope));
        assertRefused(RefusalReason.REPLAYED, verifier.verify(envelope));
    }

    @Test
    void aFreshEnvelopeWithAnAuditSequenceNotAboveTheLastIsRefused() {
        EnvelopeSigner signer = Federation.nlSigner(NOW);
        assertInstanceOf(Verification.Accepted.class, verifier.verify(signer.sign(Federation.content(), 10).compact()));

        assertRefused(RefusalReason.SEQUENCE_NOT_INCREASING, verifier.verify(signer.sign(Federation.content(), 10).compact()));
        assertRefused(RefusalReason.SEQUENCE_NOT_INCREASING, verifier.verify(signer.sign(Federation.content(), 9).compact()));
        assertInstanceOf(Verification.Accepted.class, verifier.verify(signer.sign(Federation.content(), 11).compact()));
    }

    @Test
    void aRefusalDetailNeverQuotesThePayload() {
        String payload = PayloadCodec.write(Federation.content()).replace("\"disseminateTo\"", "\"returning from abroad\"");

        Verification result = verifier.verify(Federation.forge().payload(payload).signedBy(Federation.NL_KEY));

        assertRefused(RefusalReason.MALFORMED, result);
        assertFalse(((Verification.Refused) result).detail().contains("returning"));
    }
}
