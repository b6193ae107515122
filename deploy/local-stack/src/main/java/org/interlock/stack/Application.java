package org.interlock.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.interlock.stack.process.ProcessRegistry;

/**
 * An Interlock application of the stack: its module, its port and its own database.
 *
 * @param runtimeRole the database role the application runs as when it is not the owner that
 *                    migrates its database (the gateway); null: the owner does both
 * @param deployment  empty for the stack's (first) deployment; {@code abroad} for the second one that
 *                    {@code up --federation} starts, whose components are named {@code abroad-<name>}
 */
public record Application(String name, String module, int port, String database, String runtimeRole,
        String deployment) {

    public Application(String name, String module, int port, String database) {
        this(name, module, port, database, null, "");
    }

    public Application(String name, String module, int port, String database, String runtimeRole) {
        this(name, module, port, database, runtimeRole, "");
    }

    /** The same application in another deployment. */
    public Application in(String otherDeployment) {
        return new Application(name, module, port, database, runtimeRole, otherDeployment);
    }

    /** Its name among the stack's components: {@code gateway}, or {@code abroad-gateway} in the second deployment. */
    public String component() {
        return deployment.isEmpty() ? name : deployment + "-" + name;
    }

    public Path jar(Path repository) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String readinessUrl() {
        return url() + "/q/health/ready";
    }

    ChildProcess process(StackConfig config, KafkaBroker kafka, PostgresNode postgres, KeycloakNode keycloak,
            Map<String, String> extraEnvironment, ProcessRegistry registry) {
        Path jar = jar(config.repository());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", database);
        if (runtimeRole != null) {
            env.put("QUARKUS_DATASOURCE_USERNAME", runtimeRole);
            env.put("QUARKUS_DATASOURCE_MIGRATION_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_MIGRATION_USERNAME", database);
            env.put("INTERLOCK_AUDIT_RUNTIME_ROLE", runtimeRole);
        }
        env.put("INTERLOCK_KEYCLOAK_URL", keycloak.url());
        // What marks this process as this stack's: two stacks in one JVM (the end-to-end tests' plain and federated
        // ones) run the same jar under the same component name, and stopping one must never stop the other's.
        String instance = "-Dinterlock.stack.instance=" + config.dataDirectory().toAbsolutePath().resolve(component());
        List<String> command = new ArrayList<>(List.of(Jdk.java(), "-Xms256m", "-Xmx256m", instance));
        command.addAll(AppJvmOptions.fromEnvironment());
        command.addAll(List.of("-jar", jar.toString()));
        return new ChildProcess(component(), command, env, config.dataDirectory(), config.logs().resolve(name + ".log"),
                registry, instance);
    }

}
