package org.interlock.platform.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secrets a service shares with the gateway (ADR 0011): the current one and, while it is
 * rotated, the previous one, each known by its key id. A secret that is given but malformed or
 * shorter than 256 bits, a previous one without its key id, or two with one id, is a
 * configuration error; none at all is an empty list (the service then refuses every write).
 */
public final class ActorKeys {

    private ActorKeys() {
    }

    /** The current key first, then the previous one. */
    public static List<ActorKey> of(Optional<String> secret, String keyId, Optional<String> previousSecret,
            Optional<String> previousKeyId) {
        List<ActorKey> keys = new ArrayList<>();
        secret.ifPresent(value -> keys.add(key("interlock.actor.secret", keyId, value)));
        previousSecret.ifPresent(value -> keys.add(key("interlock.actor.previous-secret",
                previousKeyId.orElseThrow(() -> new IllegalStateException(
                        "interlock.actor.previous-secret is set without interlock.actor.previous-key-id")),
                value)));
        if (keys.size() == 2 && keys.get(0).id().equals(keys.get(1).id())) {
            throw new IllegalStateException("interlock.actor.previous-key-id is the current key id");
        }
        return List.copyOf(keys);
    }

    private static ActorKey key(String property, String id, String secret) {
        try {
            return ActorKey.of(id, secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
    }
}
