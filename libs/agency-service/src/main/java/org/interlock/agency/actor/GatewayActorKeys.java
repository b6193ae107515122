package org.interlock.agency.actor;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.interlock.platform.actor.ActorKey;
import org.interlock.platform.actor.ActorKeys;
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
        this.trusted = ActorKeys.of(config.secret(), config.keyId(), config.previousSecret(), config.previousKeyId());
        if (trusted.isEmpty()) {
            LOG.error("No actor secret (interlock.actor.secret): every write to this service is refused");
        }
    }

    /** The current key first, then the previous one; empty when none is configured. */
    public List<ActorKey> trusted() {
        return trusted;
    }
}
