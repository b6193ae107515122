package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The local stack's actor key pair: the gateway signs with the private half who acts on each write
 * it forwards (X-Interlock-Actor), the services verify with the public half. An Ed25519 pair made
 * on first start and kept in the data directory (the private half owner-only), like the audit
 * signing key; a deployment brings its own.
 *
 * @param signingKey base64 PKCS#8, as the gateway reads it ({@code interlock.actor.signing-key})
 * @param publicKey  base64 X.509, as the services read it ({@code interlock.actor.public-key})
 */
record ActorKeyPair(String signingKey, String publicKey) {

    private static final String SIGNING_KEY = "actor-signing-key";
    private static final String PUBLIC_KEY = "actor-public-key";

    /** The pair in the data directory, made and stored if there is none yet. */
    static ActorKeyPair of(Path dataDirectory) {
        Path signing = dataDirectory.resolve(SIGNING_KEY);
        Path verifying = dataDirectory.resolve(PUBLIC_KEY);
        try {
            if (!Files.exists(signing) || !Files.exists(verifying)) {
                Files.createDirectories(dataDirectory);
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.deleteIfExists(signing);
                Files.createFile(signing, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(signing, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.writeString(verifying, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
            return new ActorKeyPair(Files.readString(signing).trim(), Files.readString(verifying).trim());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot make or read the actor key pair in " + dataDirectory, e);
        }
    }
}
