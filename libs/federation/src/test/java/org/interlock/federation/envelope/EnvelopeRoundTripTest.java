package org.interlock.federation.envelope;

import static org.interlock.federation.envelope.Federation.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;

import org.interlock.audit.head.KeyId;

class EnvelopeRoundTripTest {

    @Test
    void aSignedEnvelopeVerifiesWithEverythingItCarried() {
        EnvelopeContent content = Federation.content();
        SignedEnvelope signed = Federation.nlSigner(NOW).sign(content, 41);

        Verification result = Federation.verifier(Federation.anchors()).verify(signed.compact());

        Envelope envelope = assertInstanceOf(Verification.Accepted.class, result).envelope();
        assertEquals(new Envelope("nl", KeyId.of(Federation.NL_KEY.getPublic()), signed.envelopeId(), 41, NOW,
                content), envelope);
    }

    @Test
    void aRequestForInformationCrossesWithItsUrgencyAndJustification() {
        InformationRequest request = new InformationRequest("rfi-2026-0042", "public-protection", Urgency.URGENT,
                "arrives on Thursday; licence conditions to be set before release");
        EnvelopeContent content = new EnvelopeContent(Federation.content().event(),
                Federation.content().conditions(), Optional.of(request));

        Verification result = Federation.verifier(Federation.anchors())
                .verify(Federation.nlSigner(NOW).sign(content, 42).compact());

        assertEquals(Optional.of(request),
                assertInstanceOf(Verification.Accepted.class, result).envelope().content().request());
    }

    @Test
    void theHeaderNamesSenderKeyIdSequenceAndTime() throws Exception {
        SignedEnvelope signed = Federation.nlSigner(NOW).sign(Federation.content(), 43);

        JWSHeader header = JWSObject.parse(signed.compact()).getHeader();

        assertEquals("EdDSA", header.getAlgorithm().getName());
        assertEquals("interlock-federation+jws", header.getType().getType());
        assertEquals(KeyId.of(Federation.NL_KEY.getPublic()).toHex(), header.getKeyID());
        assertEquals("nl", header.getCustomParam("iss"));
        assertEquals(signed.envelopeId(), header.getCustomParam("jti"));
        assertEquals(NOW.getEpochSecond(), header.getCustomParam("iat"));
        assertEquals(43L, header.getCustomParam("seq"));
    }
}
