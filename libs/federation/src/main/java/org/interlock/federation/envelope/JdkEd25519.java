package org.interlock.federation.envelope;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.util.Base64URL;

/**
 * Nimbus's signer and verifier interfaces over the JDK's own Ed25519, the implementation the audit log's tree
 * heads use. Both accept only {@code EdDSA}; the verifier never looks at a key named in the header.
 */
final class JdkEd25519 {

    private JdkEd25519() {
    }

    static JWSSigner signer(PrivateKey key) {
        return new Signer(key);
    }

    static JWSVerifier verifier(PublicKey key) {
        return new Verifier(key);
    }

    private static boolean isEdDsa(JWSHeader header) {
        return EnvelopeHeader.ALGORITHM.equals(header.getAlgorithm());
    }

    private static final class Signer extends BaseJWSProvider implements JWSSigner {
        private final PrivateKey key;

        Signer(PrivateKey key) {
            super(Set.of(EnvelopeHeader.ALGORITHM));
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!isEdDsa(header)) {
                throw new JOSEException("only EdDSA is signed");
            }
            try {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(key);
                signer.update(signingInput);
                return Base64URL.encode(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }
    }

    private static final class Verifier extends BaseJWSProvider implements JWSVerifier {
        private final PublicKey key;

        Verifier(PublicKey key) {
            super(Set.of(EnvelopeHeader.ALGORITHM));
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return isEdDsa(header) && verifier.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                // A signature of the wrong length or a key of the wrong kind: not a valid signature.
                return false;
            }
        }
    }
}
