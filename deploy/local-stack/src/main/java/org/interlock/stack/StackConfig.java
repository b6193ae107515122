package org.interlock.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports and folders of the local stack, each overridable by an environment variable so that two
 * stacks, or a stack and a test run, can share a machine; and which applications to run
 * (INTERLOCK_STACK_APPS, e.g. {@code prisons,gateway}; default all).
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
        int partnersPort,
        int peoplePort,
        List<String> applications) {

    /** Every application. */
    public StackConfig(Path repository, Path dataDirectory, int gatewayPort, int keycloakPort,
            int keycloakManagementPort, int kafkaPort, int kafkaControllerPort, int postgresPort, int prisonsPort,
            int probationPort, int intelligencePort, int partnersPort, int peoplePort) {
        this(repository, dataDirectory, gatewayPort, keycloakPort, keycloakManagementPort, kafkaPort,
                kafkaControllerPort, postgresPort, prisonsPort, probationPort, intelligencePort, partnersPort, peoplePort,
                List.of());
    }

    public StackConfig {
        applications = List.copyOf(applications);
    }

    /** Whether the stack runs this application: all of them unless INTERLOCK_STACK_APPS names some. */
    public boolean runs(String application) {
        return applications.isEmpty() || applications.contains(application);
    }

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
                port(env, "INTERLOCK_PARTNERS_PORT", 8084),
                port(env, "INTERLOCK_PEOPLE_PORT", 8085),
                // A subset, for benchmarks that measure one component without the others' load.
                Arrays.stream(env.getOrDefault("INTERLOCK_STACK_APPS", "").split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).toList());
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

    /**
     * A second deployment beside this one ({@code up --federation}): its data in {@code folder} under this
     * one's, and each of its own ports this one's plus {@code offset}. Keycloak is shared (a realm each), so its
     * ports stay as they are.
     */
    public StackConfig besideAt(String folder, int offset, List<String> applications) {
        return new StackConfig(repository, dataDirectory.resolve(folder), gatewayPort + offset, keycloakPort,
                keycloakManagementPort, kafkaPort + offset, kafkaControllerPort + offset, postgresPort + offset,
                prisonsPort + offset, probationPort + offset, intelligencePort + offset, partnersPort + offset,
                peoplePort + offset, applications);
    }

    /** Every port a server of this deployment listens on, named as its variable names it. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", gatewayPort);
        ports.put("keycloak", keycloakPort);
        ports.put("keycloak management", keycloakManagementPort);
        ports.put("kafka", kafkaPort);
        ports.put("kafka controller", kafkaControllerPort);
        ports.put("postgres", postgresPort);
        ports.put("prisons", prisonsPort);
        ports.put("probation", probationPort);
        ports.put("intelligence", intelligencePort);
        ports.put("partners", partnersPort);
        ports.put("people", peoplePort);
        return ports;
    }
}
