package org.interlock.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and folders of the local stack, each overridable by an environment variable so that two
 * stacks, or a stack and a test run, can share a machine.
 */
public record StackConfig(
        Path repository,
        Path dataDirectory,
        int gatewayPort,
        int keycloakPort,
        int keycloakManagementPort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        int prisonsPort,
        int probationPort,
        int intelligencePort,
        int partnersPort) {

    public static StackConfig from(Map<String, String> env, Path repository) {
        return new StackConfig(
                repository,
                Path.of(env.getOrDefault("INTERLOCK_STACK_DIR", repository.resolve(".interlock/stack").toString())),
                port(env, "INTERLOCK_GATEWAY_PORT", 8080),
                port(env, "INTERLOCK_KEYCLOAK_PORT", 8180),
                port(env, "INTERLOCK_KEYCLOAK_MANAGEMENT_PORT", 8190),
                port(env, "INTERLOCK_KAFKA_PORT", 9092),
                port(env, "INTERLOCK_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "INTERLOCK_POSTGRES_PORT", 15432),
                port(env, "INTERLOCK_PRISONS_PORT", 8081),
                port(env, "INTERLOCK_PROBATION_PORT", 8082),
                port(env, "INTERLOCK_INTELLIGENCE_PORT", 8083),
                port(env, "INTERLOCK_PARTNERS_PORT", 8084));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), not '" + value + "'");
        }
    }

    public Path logs() {
        return dataDirectory.resolve("logs");
    }
}
