package org.interlock.audit.head;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.interlock.audit.merkle.NodeHash;
import org.junit.jupiter.api.Test;

class TreeHeadSigningTest {

    /**
     * A throwaway test key made with {@code openssl genpkey -algorithm ed25519} (OpenSSL 3.0); the key id,
     * public key and signature below were computed by OpenSSL and sha256sum, not by this code.
     */
    static final String OPENSSL_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIHuTQ6oE7bIDICUJ3p3lVacjWhVG+MU85JT7FjxzYnP5
            -----END PRIVATE KEY-----
            """;
    static final String OPENSSL_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAdrTKKjITx56v4Z7R/XKAk0E/dWa2J6pTtfH4BoVncuE=
            -----END PUBLIC KEY-----
            """;
    /** {@code openssl pkey -pubout -outform DER | sha256sum}. */
    static final String OPENSSL_KEY_ID = "fb24361a55f8b2c1b89451df626a18418e74436d7ab96cbc1867bd286608f5b4";
    static final NodeHash ROOT = NodeHash.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final Instant SEALED = Instant.parse("2026-12-01T16:16:00.123Z");

    private static final HexFormat HEX = HexFormat.of();

    private final TreeHeadSigner signer = TreeHeadSigner.fromConfig(OPENSSL_PRIVATE_KEY);

    @Test
    void keyIdIsSha256OfThePublicKeyDer() {
        assertEquals(OPENSSL_KEY_ID, signer.keyId().toHex());
        assertEquals(OPENSSL_PUBLIC_KEY, signer.publicKeyPem());
    }

    @Test
    void signedBytesFollowTheDocumentedLayout() {
        TreeHead head = new TreeHead(8, ROOT, SEALED, signer.keyId());
        assertEquals("696e7465726c6f636b2d6175646974" // "interlock-audit"
                        + "01"                         // version
                        + "000001a232643e7b"           // 1796141760123 ms
                        + "0000000000000008"           // tree size
                        + ROOT.toHex() + OPENSSL_KEY_ID,
                HEX.formatHex(head.signedBytes()));
    }

    /** Ed25519 is deterministic: the same key and bytes give OpenSSL's signature ({@code pkeyutl -sign -rawin}). */
    @Test
    void signatureEqualsOpenSslsOverTheSameBytes() {
        assertEquals("14985e49a7a5c4a5c4b2ab3bff3275d897cf263b92abebd6bb136abac9e67b44"
                        + "2a2c1726956ff2a6b98d48ece2f1ddd9aa03f77833b9abb85a51c7abe5559005",
                HEX.formatHex(signer.sign(8, ROOT, SEALED).signature()));
    }

    @Test
    void aSignedHeadVerifiesWithThePublishedKey() {
        SignedTreeHead signed = signer.sign(8, ROOT, SEALED);
        assertEquals(new HeadCheck.Valid(signer.keyId()), TreeHeadVerifier.fromConfig(OPENSSL_PUBLIC_KEY).check(signed));
    }

    @Test
    void changingAnySignedFieldBreaksTheSignature() {
        SignedTreeHead signed = signer.sign(8, ROOT, SEALED);
        TreeHeadVerifier verifier = signer.verifier();
        TreeHead head = signed.head();
        byte[] root = ROOT.toByteArray();
        root[31] ^= 1;
        byte[] signature = signed.signature();
        signature[0] ^= 1;
        for (SignedTreeHead tampered : new SignedTreeHead[] {
                new SignedTreeHead(new TreeHead(9, ROOT, SEALED, head.keyId()), signed.signature()),
                new SignedTreeHead(new TreeHead(8, NodeHash.of(root), SEALED, head.keyId()), signed.signature()),
                new SignedTreeHead(new TreeHead(8, ROOT, SEALED.plusMillis(1), head.keyId()), signed.signature()),
                new SignedTreeHead(head, signature)}) {
            assertEquals(new HeadCheck.BadSignature(signer.keyId()), verifier.check(tampered), tampered.toString());
        }
    }

    @Test
    void aHeadSignedWithAnotherKeyIsRejected() {
        TreeHeadSigner other = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
        SignedTreeHead foreign = other.sign(8, ROOT, SEALED);
        assertEquals(new HeadCheck.UnknownKey(other.keyId()), signer.verifier().check(foreign));

        SignedTreeHead impostor = new SignedTreeHead(new TreeHead(8, ROOT, SEALED, signer.keyId()),
                other.sign(8, ROOT, SEALED).signature());
        assertEquals(new HeadCheck.BadSignature(signer.keyId()), signer.verifier().check(impostor));
    }

    @Test
    void afterRotationOldAndNewHeadsVerifyWithBothKeys() {
        TreeHeadSigner rotated = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
        TreeHeadVerifier verifier = TreeHeadVerifier.of(signer.publicKey(), rotated.publicKey());
        assertTrue(verifier.verify(signer.sign(8, ROOT, SEALED)));
        assertTrue(verifier.verify(rotated.sign(9, ROOT, SEALED.plusSeconds(60))));
    }

    @Test
    void privateKeyIsAcceptedAsPemBase64DerOrRawSeed() {
        KeyPair pair = Ed25519Keys.generate();
        byte[] der = pair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(der, der.length - 32, der.length);
        KeyId expected = KeyId.of(pair.getPublic());
        assertEquals(expected, TreeHeadSigner.fromConfig(Ed25519Keys.pem(pair.getPrivate())).keyId());
        assertEquals(expected, TreeHeadSigner.fromConfig(Base64.getEncoder().encodeToString(der)).keyId());
        assertEquals(expected, TreeHeadSigner.fromConfig(Base64.getEncoder().encodeToString(seed)).keyId());
    }

    @Test
    void publicKeyIsAcceptedAsPemBase64DerOrRawKey() {
        byte[] der = signer.publicKey().getEncoded();
        String raw = Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        SignedTreeHead signed = signer.sign(8, ROOT, SEALED);
        assertTrue(TreeHeadVerifier.fromConfig(Base64.getEncoder().encodeToString(der)).verify(signed));
        assertTrue(TreeHeadVerifier.fromConfig(raw).verify(signed));
    }

    @Test
    void keysThatAreNotEd25519AreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TreeHeadSigner.fromConfig(OPENSSL_PUBLIC_KEY));
        assertThrows(IllegalArgumentException.class, () -> TreeHeadSigner.fromConfig("not a key!"));
        assertThrows(IllegalArgumentException.class, () -> TreeHeadVerifier.fromConfig(OPENSSL_PRIVATE_KEY));
    }

    @Test
    void publishedJsonRoundTripsAndIsCanonical() {
        SignedTreeHead signed = signer.sign(8, ROOT, SEALED);
        String json = new String(TreeHeadJson.encode(signed), UTF_8);
        assertEquals("{\"keyId\":\"" + OPENSSL_KEY_ID + "\",\"rootHash\":\"" + ROOT.toHex() + "\",\"signature\":\""
                + HEX.formatHex(signed.signature()) + "\",\"timestamp\":\"2026-12-01T16:16:00.123Z\",\"treeSize\":8,"
                + "\"version\":1}", json);
        assertEquals(signed, TreeHeadJson.decode(json.getBytes(UTF_8)));
    }

    @Test
    void malformedTreeHeadJsonIsRefused() {
        String json = new String(TreeHeadJson.encode(signer.sign(8, ROOT, SEALED)), UTF_8);
        assertInstanceOf(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
                () -> TreeHeadJson.decode(json.replace("\"version\":1", "\"version\":2").getBytes(UTF_8))));
        assertThrows(IllegalArgumentException.class,
                () -> TreeHeadJson.decode(json.replace("\"treeSize\":8", "\"treeSize\":\"8\"").getBytes(UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> TreeHeadJson.decode(json.replace("}", ",\"extra\":1}").getBytes(UTF_8)));
    }
}
