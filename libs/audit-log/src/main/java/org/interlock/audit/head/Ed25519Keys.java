package org.interlock.audit.head;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads and writes the log's Ed25519 keys in the forms configuration and auditors use, with the JDK's own
 * EdDSA (no extra provider):
 * <ul>
 *   <li>private key: PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, what
 *       {@code openssl genpkey -algorithm ed25519} writes), the base64 of its DER, or the base64 of the
 *       raw 32-byte seed — so a Kubernetes Secret can hold any of them as one string;</li>
 *   <li>public key: X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), the base64 of its
 *       DER, or the base64 of the raw 32-byte key.</li>
 * </ul>
 */
public final class Ed25519Keys {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final int RAW_LENGTH = 32;

    private Ed25519Keys() {
    }

    /** A fresh key pair, e.g. for tests or a development log. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is in every Java 15+ runtime", e);
        }
    }

    /** A private key from PKCS#8 PEM, base64 PKCS#8 DER or base64 raw seed. */
    public static PrivateKey privateKey(String text) {
        byte[] der = decode(text, "PRIVATE KEY");
        if (der.length == RAW_LENGTH) {
            der = concat(PKCS8_PREFIX, der);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** A public key from X.509 PEM, base64 SubjectPublicKeyInfo DER or base64 raw 32 bytes. */
    public static PublicKey publicKey(String text) {
        byte[] der = decode(text, "PUBLIC KEY");
        if (der.length == RAW_LENGTH) {
            der = concat(SPKI_PREFIX, der);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * The public key of a private key. The JDK has no call for it, so this runs its key generator on the
     * key's own seed (the generator draws exactly the 32 seed bytes from its random source) and then
     * proves the result with a signature, so a changed JDK can only make this fail, never mislead.
     */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        byte[] seed = seedOf(privateKey);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(seedOf(pair.getPrivate()), seed) || !signsFor(privateKey, pair.getPublic())) {
                throw new IllegalStateException("could not derive the public key; configure it explicitly");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the public key", e);
        }
    }

    /** PEM of a public key, as the log publishes it. */
    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PEM (PKCS#8) of a private key, for a development Secret. */
    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "interlock-audit key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static byte[] seedOf(PrivateKey key) {
        if (key instanceof EdECPrivateKey edec && edec.getBytes().isPresent()) {
            return edec.getBytes().get();
        }
        byte[] der = key.getEncoded();
        if (der != null && der.length == PKCS8_PREFIX.length + RAW_LENGTH
                && Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            return Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length);
        }
        throw new IllegalArgumentException("not an Ed25519 private key with an exportable seed");
    }

    private static byte[] decode(String text, String pemLabel) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String body = text.strip();
        if (body.startsWith("-----BEGIN")) {
            String begin = "-----BEGIN " + pemLabel + "-----";
            String end = "-----END " + pemLabel + "-----";
            int from = body.indexOf(begin);
            int to = body.indexOf(end);
            if (from != 0 || to < 0) {
                throw new IllegalArgumentException("expected a PEM block '" + begin + "'");
            }
            body = body.substring(begin.length(), to);
        }
        try {
            return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is neither PEM nor base64", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** A random source that yields one fixed seed: how the key generator is made to rebuild a known key. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
