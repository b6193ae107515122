package org.interlock.testing;

import java.util.Map;

/**
 * {@link KafkaPostgresResource} as the gateway needs it: database {@code gateway}, migrated by its
 * owner role and used at run time by {@code gateway_app}, which may only read and append the audit
 * trail.
 */
public class GatewayResource extends KafkaPostgresResource {

    public static final String DATABASE = "gateway";
    public static final String RUNTIME_ROLE = "gateway_app";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE, "runtimeRole", RUNTIME_ROLE));
    }
}
