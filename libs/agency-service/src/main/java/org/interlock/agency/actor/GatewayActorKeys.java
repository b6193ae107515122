package org.interlock.agency.actor;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.interlock.platform.actor.ActorKey;
import org.jboss.logging.Logger;

/**
 * The secrets this service shares with the gateway, read once at start: the current one and,
 * during a rotation, the previous one, each known by its key id. A secret that is configured but
 * malformed or shorter than 256 bits stops the start; no secret at all leaves the service up for
 * reads and refuses every write (fail closed).
 */
@Startup
@ApplicationScoped
public class GatewayActorKeys {

    private static final Logger LOG = Logger.getLogger(GatewayActorKeys.class);

    private final List<ActorKey> trusted;

    public GatewayActorKeys(ActorConfig config) {
        List<ActorKey> keys = new ArrayList<>();
        config.secret().ifPresent(secret -> keys.add(key("interlock.actor.secret", config.keyId(), secret)));
        config.previousSecret().ifPresent(secret -> keys.add(key("interlock.actor.previous-secret",
                config.previousKeyId().orElseThrow(() -> new IllegalStateException(
                        "interlock.actor.previous-secret is set without interlock.actor.previous-key-id")),
                secret)));
        if (keys.size() == 2 && keys.get(0).id().equals(keys.get(1).id())) {
            throw new IllegalStateException("interlock.actor.previous-key-id is the current key id");
        }
        if (keys.isEmpty()) {
            LOG.error("No actor secret (interlock.actor.secret): every write to this service is refused");
        }
        this.trusted = List.copyOf(keys);
    }

    /** The current key first, then the previous one; empty when none is configured. */
    public List<ActorKey> trusted() {
        return trusted;
    }

    private static ActorKey key(String property, String id, String secret) {
        try {
            return ActorKey.of(id, secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
    }
}
