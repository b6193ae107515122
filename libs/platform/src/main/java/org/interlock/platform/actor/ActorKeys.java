package org.interlock.platform.actor;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 keys of actor assertions as configuration holds them: the gateway's private key as
 * base64 PKCS#8, the services' public key as base64 X.509 (SubjectPublicKeyInfo), either also as
 * PEM. A key that is not Ed25519 is refused, so that no other algorithm can ever be verified.
 */
public final class ActorKeys {

    private static final String ALGORITHM = "Ed25519";

    private ActorKeys() {
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 public key */
    public static PublicKey publicKey(String pemOrBase64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pemOrBase64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (base64 X.509 or PEM)");
        }
    }

    /** @throws IllegalArgumentException when the text is not an Ed25519 private key */
    public static PrivateKey privateKey(String pemOrBase64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pemOrBase64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key (base64 PKCS#8 or PEM)");
        }
    }

    /** A fresh key pair, e.g. for a local stack or a test that needs a key nobody trusts. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }

    /** A key in the form configuration takes: base64 of its X.509 or PKCS#8 encoding. */
    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] der(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no key");
        }
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
