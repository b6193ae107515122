package org.interlock.gateway.staff;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The staff directory: where Keycloak's admin API for the realm is and how often the gateway
 * reads it. The token comes from the OIDC client {@code directory} ({@code quarkus.oidc-client.directory.*}).
 */
@ConfigMapping(prefix = "interlock.staff")
public interface StaffConfig {

    /** Keycloak's admin REST API of the realm, without a trailing slash, e.g. http://keycloak:8080/admin/realms/interlock. */
    String adminUrl();

    /** How often the whole directory is read again; between reads the gateway answers from memory. */
    @WithDefault("60s")
    Duration refreshInterval();

    /** Users per page of the user listing. */
    @WithDefault("100")
    int pageSize();

    /** How many users' role mappings are read at the same time. */
    @WithDefault("4")
    int concurrency();

    /** The longest one call to Keycloak may take; a read that fails keeps the last good copy. */
    @WithDefault("10s")
    Duration requestTimeout();
}
