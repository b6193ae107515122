package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Interlock system on one machine, without Docker: real Kafka, PostgreSQL and Keycloak,
 * then the four agency services and the gateway. Runs until it is told to stop (SIGTERM or
 * Ctrl-C), then stops everything it started, in reverse order.
 *
 * <p>{@code deploy/stack} is the front door; this class is what it runs.
 */
public final class LocalStack {

    private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(120);

    private final StackConfig config;
    private final KafkaNode kafka;
    private final PostgresNode postgres;
    private final KeycloakNode keycloak;
    private final List<ChildProcess> applications = new ArrayList<>();

    LocalStack(StackConfig config) {
        this(config, new KafkaNode(config.dataDirectory().resolve("kafka"), config.kafkaPort(),
                        config.kafkaControllerPort()),
                new PostgresNode(config.dataDirectory().resolve("postgres"),
                        config.dataDirectory().resolve("pg-binaries"), config.postgresPort()),
                new KeycloakNode(config.dataDirectory().resolve("keycloak"),
                        config.repository().resolve("deploy/keycloak/interlock-realm.json"),
                        config.keycloakPort(), config.keycloakManagementPort(), false));
    }

    /** A stack on servers the caller provides: end-to-end tests share theirs with other tests. */
    public LocalStack(StackConfig config, KafkaNode kafka, PostgresNode postgres, KeycloakNode keycloak) {
        this.config = config;
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of(System.getProperty("interlock.repo", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackConfig.from(System.getenv(), repository));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "interlock-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("[stack] FAILED: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    List<Application> applicationsToRun() {
        return allApplications().stream().filter(app -> config.runs(app.name())).toList();
    }

    private List<Application> allApplications() {
        return List.of(
                new Application("prisons", "services/prisons", config.prisonsPort(), "prisons"),
                new Application("probation", "services/probation", config.probationPort(), "probation"),
                new Application("intelligence", "services/intelligence", config.intelligencePort(), "intelligence"),
                new Application("partners", "services/partners", config.partnersPort(), "partners"),
                new Application("gateway", "gateway", config.gatewayPort(), "gateway", "gateway_app"));
    }

    public void start() {
        long begin = System.nanoTime();
        say("data directory " + config.dataDirectory());
        postgres.start();
        applicationsToRun().forEach(app -> postgres.ensureDatabase(app.database(), app.runtimeRole()));
        say("PostgreSQL   postgresql://127.0.0.1:" + config.postgresPort() + " (databases: prisons, probation,"
                + " intelligence, partners, gateway)");
        kafka.start();
        say("Kafka        " + kafka.bootstrapServers());
        keycloak.start();
        say("Keycloak     " + keycloak.url() + " (realm " + KeycloakNode.REALM + "; admin password in "
                + config.dataDirectory().resolve("keycloak/admin-password") + ")");
        startApplications();
        writeStatus(System.nanoTime() - begin);
        say("READY in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
    }

    private void startApplications() {
        Map<String, String> routes = new HashMap<>();
        // The dev realm's secret of client interlock-gateway (deploy/keycloak/interlock-realm.json).
        routes.put("INTERLOCK_GATEWAY_CLIENT_SECRET", "dev-gateway-secret");
        for (Application app : allApplications()) {
            routes.put("INTERLOCK_SERVICE_" + app.name().toUpperCase() + "_URL", app.url());
        }
        List<Application> apps = applicationsToRun();
        String signingKey = AuditSigningKey.of(config.dataDirectory());
        ActorKeyPair actorKeys = ActorKeyPair.of(config.dataDirectory());
        for (Application app : apps) {
            Map<String, String> env = new HashMap<>(routes);
            if (app.name().equals("gateway")) {
                // Only the gateway signs the audit trail, and who acts; no service ever sees either key.
                env.put("INTERLOCK_AUDIT_SIGNING_KEY", signingKey);
                env.put("INTERLOCK_ACTOR_SIGNING_KEY", actorKeys.signingKey());
                // The dev realm's secret of client interlock-directory: the gateway's staff directory.
                env.put("INTERLOCK_DIRECTORY_CLIENT_SECRET", "dev-directory-secret");
            } else {
                // The services verify who acts with the public half.
                env.put("INTERLOCK_ACTOR_PUBLIC_KEY", actorKeys.publicKey());
            }
            ChildProcess process = app.process(config, kafka, postgres, keycloak, env);
            applications.add(process);
            process.start();
        }
        for (int i = 0; i < apps.size(); i++) {
            Application app = apps.get(i);
            ChildProcess process = applications.get(i);
            Readiness.await(app.name(), app.readinessUrl(), APP_START_TIMEOUT, process::alive,
                    process.logFile().toString());
            say(String.format("%-12s %s (ready: %s)", app.name(), app.url(), app.readinessUrl()));
        }
    }

    /** Kills an application with SIGKILL, as a crash would (fault tests). */
    public synchronized void kill(String name) {
        process(name).kill();
    }

    /** Starts a killed or stopped application again and waits until it is ready. */
    public synchronized void restart(String name) {
        ChildProcess process = process(name);
        Application app = applicationsToRun().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        process.start();
        Readiness.await(app.name(), app.readinessUrl(), APP_START_TIMEOUT, process::alive, process.logFile().toString());
    }

    private ChildProcess process(String name) {
        return applications.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No application " + name));
    }

    public synchronized void stop() {
        for (int i = applications.size() - 1; i >= 0; i--) {
            applications.get(i).stop();
        }
        applications.clear();
        keycloak.stop();
        kafka.stop();
        postgres.stop();
        deleteStatus();
        say("stopped");
    }

    private void writeStatus(long startNanos) {
        StringBuilder status = new StringBuilder();
        status.append("started_ms=").append(Duration.ofNanos(startNanos).toMillis()).append('\n');
        status.append("keycloak=").append(keycloak.url()).append('\n');
        status.append("kafka=").append(kafka.bootstrapServers()).append('\n');
        status.append("postgres=127.0.0.1:").append(config.postgresPort()).append('\n');
        for (Application app : applicationsToRun()) {
            status.append(app.name()).append('=').append(app.url()).append('\n');
        }
        try {
            Files.writeString(config.dataDirectory().resolve("stack.ready"), status);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the stack status", e);
        }
    }

    private void deleteStatus() {
        try {
            Files.deleteIfExists(config.dataDirectory().resolve("stack.ready"));
        } catch (IOException e) {
            say("could not delete the status file: " + e.getMessage());
        }
    }

    private static void say(String line) {
        System.out.println("[stack] " + line);
        System.out.flush();
    }
}
