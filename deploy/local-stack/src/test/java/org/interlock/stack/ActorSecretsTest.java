package org.interlock.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorSecretsTest {

    @TempDir
    Path data;

    @Test
    void eachServiceGetsItsOwnRandom256BitSecretReadableByTheOwnerOnly() throws IOException {
        Map<String, String> secrets = ActorSecrets.of(data);

        assertEquals(ActorSecrets.SERVICES, secrets.keySet().stream().toList());
        assertEquals(ActorSecrets.SERVICES.size(), new HashSet<>(secrets.values()).size());
        for (String service : ActorSecrets.SERVICES) {
            Path file = data.resolve("actor-secret-" + service);
            assertEquals(32, Base64.getDecoder().decode(secrets.get(service)).length, service);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), service);
        }
    }

    @Test
    void aRestartKeepsTheSecrets() {
        assertEquals(ActorSecrets.of(data), ActorSecrets.of(data));
    }

    @Test
    void theEd25519PairOfEarlierStacksIsRemoved() throws IOException {
        Files.writeString(data.resolve("actor-signing-key"), "old");
        Files.writeString(data.resolve("actor-public-key"), "old");

        ActorSecrets.of(data);

        assertFalse(Files.exists(data.resolve("actor-signing-key")));
        assertFalse(Files.exists(data.resolve("actor-public-key")));
    }
}
