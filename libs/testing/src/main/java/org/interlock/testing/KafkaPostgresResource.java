package org.interlock.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database of its own.
 * The database name comes from the init argument {@code database} (default {@code app}). With the
 * init argument {@code runtimeRole} the application runs as that role and migrates its database as
 * the owner (datasource {@code migration}), as the gateway does. Bearer tokens are checked against
 * {@link TestTokens}' key.
 */
public class KafkaPostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private String runtimeRole;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        runtimeRole = initArgs.get("runtimeRole");
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.shared();
        infra.postgres().ensureDatabase(database, runtimeRole);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", infra.postgres().reactiveUrl(database),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", runtimeRole == null ? database : runtimeRole,
                "quarkus.datasource.password", "",
                // Tokens are verified with TestTokens' key instead of a Keycloak's published keys.
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER));
        if (runtimeRole != null) {
            config.put("quarkus.datasource.migration.jdbc.url", infra.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.migration.username", database);
            config.put("quarkus.datasource.migration.password", "");
            config.put("interlock.audit.runtime-role", runtimeRole);
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers belong to the whole test JVM: TestInfrastructure stops them when it exits.
    }
}
