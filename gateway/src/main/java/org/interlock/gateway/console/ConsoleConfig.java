package org.interlock.gateway.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console served under {@code /console/} (ADR 0020). */
@ConfigMapping(prefix = "interlock.console")
public interface ConsoleConfig {

    /**
     * The Keycloak realm the browser logs in with, as the browser reaches it
     * ({@code https://host/realms/interlock}); by default the gateway's own OIDC server. Without
     * one the console says it cannot log in, and its pages allow no connection beyond the gateway.
     */
    Optional<String> realmUrl();

    /** The public client of the console in that realm: authorization code with PKCE only. */
    @WithDefault("interlock-console")
    String clientId();
}
