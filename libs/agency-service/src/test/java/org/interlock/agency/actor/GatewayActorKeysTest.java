package org.interlock.agency.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.interlock.platform.actor.ActorKey;
import org.junit.jupiter.api.Test;

class GatewayActorKeysTest {

    private static final String CURRENT = ActorKey.newSecret();
    private static final String PREVIOUS = ActorKey.newSecret();

    @Test
    void aServiceWithNoSecretTrustsNoKeySoRefusesEveryWrite() {
        assertEquals(List.of(), new GatewayActorKeys(config(null, "1", null, null)).trusted());
    }

    @Test
    void theCurrentKeyComesFirstAndThePreviousOneIsKeptDuringARotation() {
        List<ActorKey> trusted = new GatewayActorKeys(config(CURRENT, "2", PREVIOUS, "1")).trusted();

        assertEquals(List.of("2", "1"), trusted.stream().map(ActorKey::id).toList());
    }

    @Test
    void aSecretShorterThan256BitsStopsTheStart() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertEquals("interlock.actor.secret: The actor key 1 is shorter than 32 bytes",
                assertThrows(IllegalStateException.class,
                        () -> new GatewayActorKeys(config(short16, "1", null, null))).getMessage());
    }

    @Test
    void aPreviousSecretNeedsItsOwnKeyId() {
        assertEquals("interlock.actor.previous-secret is set without interlock.actor.previous-key-id",
                assertThrows(IllegalStateException.class,
                        () -> new GatewayActorKeys(config(CURRENT, "1", PREVIOUS, null))).getMessage());
        assertEquals("interlock.actor.previous-key-id is the current key id",
                assertThrows(IllegalStateException.class,
                        () -> new GatewayActorKeys(config(CURRENT, "1", PREVIOUS, "1"))).getMessage());
    }

    private static ActorConfig config(String secret, String keyId, String previousSecret, String previousKeyId) {
        return new ActorConfig() {
            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public Optional<String> previousSecret() {
                return Optional.ofNullable(previousSecret);
            }

            @Override
            public Optional<String> previousKeyId() {
                return Optional.ofNullable(previousKeyId);
            }
        };
    }
}
