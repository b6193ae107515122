package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's actor secrets: one HMAC-SHA256 secret per agency service, which the gateway
 * MACs who acts with on each write it forwards to that service (X-Interlock-Actor) and which that
 * service alone verifies with (ADR 0011). 32 random bytes each, made on first start and kept
 * owner-only in the data directory ({@code actor-secret-<service>}), like the audit signing key; a
 * deployment brings its own. The Ed25519 pair earlier stacks kept there is removed.
 */
final class ActorSecrets {

    static final List<String> SERVICES = List.of("prisons", "probation", "intelligence", "partners", "people");
    private static final String PREFIX = "actor-secret-";
    private static final List<String> RETIRED = List.of("actor-signing-key", "actor-public-key");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActorSecrets() {
    }

    /** Each service's secret (base64), as it reads it and the gateway too; made and stored if missing. */
    static Map<String, String> of(Path dataDirectory) {
        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            Files.createDirectories(dataDirectory);
            for (String retired : RETIRED) {
                Files.deleteIfExists(dataDirectory.resolve(retired));
            }
            for (String service : SERVICES) {
                secrets.put(service, secret(dataDirectory.resolve(PREFIX + service)));
            }
            return secrets;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make or read the actor secrets in " + dataDirectory, e);
        }
    }

    private static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
        }
        return Files.readString(file).trim();
    }
}
