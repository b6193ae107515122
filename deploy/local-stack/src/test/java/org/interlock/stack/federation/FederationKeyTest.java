package org.interlock.stack.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationKeyTest {

    @TempDir
    Path folder;

    @Test
    void madeOnFirstStartOwnerOnlyAndKeptByLaterStarts() throws Exception {
        FederationKey first = FederationKey.in(folder, Instant.now());
        FederationKey again = FederationKey.in(folder, Instant.now());

        assertEquals(first, again);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKeyFile())));
        assertEquals(Duration.ofDays(365), Duration.between(first.notBefore(), first.notAfter()));
    }

    @Test
    void thePublicHalfTheOtherSideAnchorsVerifiesWhatThePrivateHalfSigns() throws Exception {
        FederationKey key = FederationKey.in(folder, Instant.now());
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(Files.readString(key.privateKeyFile()).trim())));
        PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
        byte[] message = "envelope".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(message);

        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void aKeyPastItsYearIsReplacedAtTheNextStart() throws Exception {
        FederationKey old = FederationKey.in(folder, Instant.now());
        Files.setLastModifiedTime(old.privateKeyFile(), FileTime.from(Instant.now().minus(Duration.ofDays(366))));

        FederationKey renewed = FederationKey.in(folder, Instant.now());

        assertNotEquals(old.publicKey(), renewed.publicKey());
        assertTrue(renewed.notAfter().isAfter(Instant.now()));
    }
}
