package org.interlock.agency.actor;

import io.smallrye.config.ConfigMapping;

/** How a service knows that the gateway asserted who acts. */
@ConfigMapping(prefix = "interlock.actor")
public interface ActorConfig {

    /**
     * The gateway's Ed25519 public key that actor assertions are verified with: base64 X.509
     * (SubjectPublicKeyInfo) or PEM. No default in production ({@code INTERLOCK_ACTOR_PUBLIC_KEY}).
     */
    String publicKey();
}
