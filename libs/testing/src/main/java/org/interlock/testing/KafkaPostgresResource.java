package org.interlock.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database of its own.
 * The database name comes from the init argument {@code database} (default {@code app}). Bearer
 * tokens are checked against {@link TestTokens}' key.
 */
public class KafkaPostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.shared();
        infra.postgres().ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", infra.postgres().reactiveUrl(database),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", "",
                // Tokens are verified with TestTokens' key instead of a Keycloak's published keys.
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The servers belong to the whole test JVM: TestInfrastructure stops them when it exits.
    }
}
