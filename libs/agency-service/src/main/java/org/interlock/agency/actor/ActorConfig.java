package org.interlock.agency.actor;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service knows that the gateway asserted who acts: the HMAC-SHA256 secret the gateway
 * shares with this service alone, and while it is rotated the previous one. Secrets come from
 * configuration only (the environment in production) and are never logged.
 */
@ConfigMapping(prefix = "interlock.actor")
public interface ActorConfig {

    /**
     * The current secret: base64 of at least 32 random bytes ({@code INTERLOCK_ACTOR_SECRET}).
     * No default: without it the service starts, but refuses every write.
     */
    Optional<String> secret();

    /** The key id ({@code kid}) of the current secret, as the gateway names it. */
    @WithDefault("1")
    String keyId();

    /**
     * The secret before the current one, accepted until every gateway signs with the current one
     * ({@code INTERLOCK_ACTOR_PREVIOUS_SECRET}); absent outside a rotation.
     */
    Optional<String> previousSecret();

    /** The key id of the previous secret; needed with {@link #previousSecret()}. */
    Optional<String> previousKeyId();
}
