package org.interlock.gateway.proxy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.interlock.contracts.Agency;

/**
 * The secrets the gateway vouches for who acts with (ADR 0011): one per agency service, each
 * shared with that service alone, {@code interlock.actor.<agency>.secret} (env
 * {@code INTERLOCK_ACTOR_<AGENCY>_SECRET}). Configuration only; never logged.
 */
@ConfigMapping(prefix = "interlock.actor")
public interface ActorKeysConfig {

    ServiceKey prisons();

    ServiceKey probation();

    ServiceKey intelligence();

    ServiceKey partners();

    /** The person index's (ADR 0014); without it the gateway forwards no change to the index. */
    Optional<ServiceKey> people();

    interface ServiceKey {
        /** The secret, base64 of at least 32 random bytes: the service's {@code interlock.actor.secret}. */
        String secret();

        /** Its key id ({@code kid}): the service's {@code interlock.actor.key-id}. */
        @WithDefault("1")
        String keyId();
    }

    default ServiceKey of(Agency agency) {
        return switch (agency) {
            case PRISONS -> prisons();
            case PROBATION -> probation();
            case INTELLIGENCE -> intelligence();
            case PARTNERS -> partners();
        };
    }
}
