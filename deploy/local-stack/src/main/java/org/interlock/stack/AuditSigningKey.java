package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The local stack's audit signing key: an Ed25519 key made on first start and kept (owner-only) in
 * the data directory, so that heads signed before a restart still verify after it. A deployment
 * brings its own key from a Secret instead.
 */
final class AuditSigningKey {

    private static final String FILE = "audit-signing-key";

    private AuditSigningKey() {
    }

    /** The key as the gateway reads it (base64 PKCS#8), made and stored if there is none yet. */
    static String of(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDirectory);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(
                        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
            }
            return Files.readString(file).trim();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot make or read the audit signing key in " + dataDirectory, e);
        }
    }
}
