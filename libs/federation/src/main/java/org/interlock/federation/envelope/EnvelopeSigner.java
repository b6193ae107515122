package org.interlock.federation.envelope;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;

import org.interlock.audit.head.KeyId;

/**
 * Seals content into an envelope with this deployment's federation key: a compact JWS whose protected header
 * names the sender, the key, a fresh envelope id, the sender's audit sequence number and the time of issue.
 */
public final class EnvelopeSigner {

    private final String senderPeer;
    private final KeyId keyId;
    private final JWSSigner signer;
    private final Clock clock;

    public EnvelopeSigner(String senderPeer, KeyPair federationKey, Clock clock) {
        this.senderPeer = senderPeer;
        this.keyId = KeyId.of(federationKey.getPublic());
        this.signer = JdkEd25519.signer(federationKey.getPrivate());
        this.clock = clock;
    }

    /** Signs {@code content} as the sending recorded in this deployment's audit log at {@code auditSequence}. */
    public SignedEnvelope sign(EnvelopeContent content, long auditSequence) {
        String envelopeId = UUID.randomUUID().toString();
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWSHeader header = new JWSHeader.Builder(EnvelopeHeader.ALGORITHM)
                .type(EnvelopeHeader.TYPE)
                .keyID(keyId.toHex())
                .customParam(EnvelopeHeader.SENDER, senderPeer)
                .customParam(EnvelopeHeader.ENVELOPE_ID, envelopeId)
                .customParam(EnvelopeHeader.ISSUED_AT, issuedAt.getEpochSecond())
                .customParam(EnvelopeHeader.AUDIT_SEQUENCE, auditSequence)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(PayloadCodec.write(content)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the federation key cannot sign", e);
        }
        return new SignedEnvelope(envelopeId, issuedAt, jws.serialize());
    }
}
