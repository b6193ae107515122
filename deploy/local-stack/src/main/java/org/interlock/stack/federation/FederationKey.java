package org.interlock.stack.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * One deployment's federation key on the local stack (ADR 0021): an Ed25519 pair made on first start and kept
 * in its federation folder — the private half owner-only ({@value #PRIVATE}, base64 PKCS#8, which the gateway
 * reads from the file), the public half beside it ({@value #PUBLIC}, base64 SubjectPublicKeyInfo, which the
 * other side anchors). Never the audit log's key. It is anchored for a year from when it was made; a key past
 * that is replaced at the next start, and both anchors files are rewritten from the keys at every start.
 *
 * @param privateKeyFile what {@code INTERLOCK_FEDERATION_SIGNING_KEY_FILE} names
 * @param publicKey      base64 DER, as the trust anchors file takes it
 * @param notBefore      when it was made (to the second)
 */
public record FederationKey(Path privateKeyFile, String publicKey, Instant notBefore) {

    static final String PRIVATE = "federation-key";
    static final String PUBLIC = "federation-key.pub";
    static final Duration VALIDITY = Duration.ofDays(365);

    /** Until when the other side accepts it. */
    public Instant notAfter() {
        return notBefore.plus(VALIDITY);
    }

    /** The key kept in {@code folder}, made first if there is none, only half of one, or one past its validity. */
    public static FederationKey in(Path folder, Instant now) {
        Path privateFile = folder.resolve(PRIVATE);
        Path publicFile = folder.resolve(PUBLIC);
        try {
            Files.createDirectories(folder);
            if (!Files.exists(privateFile) || !Files.exists(publicFile) || !madeAt(privateFile).plus(VALIDITY).isAfter(now)) {
                make(privateFile, publicFile);
            }
            return new FederationKey(privateFile, Files.readString(publicFile).trim(), madeAt(privateFile));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot make or read the federation key in " + folder, e);
        }
    }

    private static void make(Path privateFile, Path publicFile) throws IOException, NoSuchAlgorithmException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.deleteIfExists(privateFile);
        Files.deleteIfExists(publicFile);
        Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    private static Instant madeAt(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
