package org.interlock.agency.actor;

import java.security.PublicKey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.interlock.platform.actor.ActorKeys;

/** The gateway's actor key, read once at start: a service with no valid key does not start. */
@Startup
@ApplicationScoped
public class GatewayActorKey {

    private final PublicKey key;

    public GatewayActorKey(ActorConfig config) {
        try {
            this.key = ActorKeys.publicKey(config.publicKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("interlock.actor.public-key: " + e.getMessage());
        }
    }

    public PublicKey key() {
        return key;
    }
}
