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

import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.supervision.Component;
import org.interlock.stack.supervision.ControlRequests;
import org.interlock.stack.supervision.RestartPolicy;
import org.interlock.stack.supervision.StatusFile;
import org.interlock.stack.supervision.Supervisor;

/**
 * The whole Interlock system on one machine, without Docker: real Kafka, PostgreSQL and Keycloak,
 * then the four agency services and the gateway. Runs until it is told to stop (SIGTERM or
 * Ctrl-C), then stops everything it started, in reverse order. While it runs it supervises what
 * it started: a component that dies is started again with back-off, and any can be restarted on
 * request ({@code deploy/stack restart <component>}, see {@link ControlRequests}).
 *
 * <p>{@code deploy/stack} is the front door; this class is what it runs.
 */
public final class LocalStack {

    private final StackConfig config;
    private final ProcessRegistry registry;
    private final KafkaBroker kafka;
    private final PostgresNode postgres;
    private final KeycloakNode keycloak;
    private final List<ApplicationServer> applications;
    private final StatusFile statusFile;
    private final Supervisor supervisor;
    private ControlRequests control;

    LocalStack(StackConfig config, ProcessRegistry registry) {
        this(config, registry,
                new KafkaProcess(config.dataDirectory().resolve("kafka"), config.kafkaPort(),
                        config.kafkaControllerPort(), config.logs().resolve("kafka.log"), registry),
                new PostgresNode(config.dataDirectory().resolve("postgres"),
                        config.dataDirectory().resolve("pg-binaries"), config.postgresPort(), registry),
                new KeycloakNode(config.dataDirectory().resolve("keycloak"),
                        config.repository().resolve("deploy/keycloak/interlock-realm.json"),
                        config.keycloakPort(), config.keycloakManagementPort(), false, registry));
    }

    /** A stack on servers the caller provides: end-to-end tests share theirs with other tests. */
    public LocalStack(StackConfig config, ProcessRegistry registry, KafkaBroker kafka, PostgresNode postgres,
            KeycloakNode keycloak) {
        this.config = config;
        this.registry = registry;
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.applications = applicationServers();
        this.statusFile = new StatusFile(config.dataDirectory().resolve("stack.status"));
        List<Component> components = new ArrayList<>(List.of(kafka, postgres, keycloak));
        components.addAll(applications);
        this.supervisor = new Supervisor(components, RestartPolicy.DEFAULT, statusFile::write, LocalStack::say);
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of(System.getProperty("interlock.repo", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.from(System.getenv(), repository);
        LocalStack stack;
        try {
            // First stops what a killed launcher left here, then starts this one's watchdog.
            ProcessRegistry registry = ProcessRegistry.open(config.dataDirectory().resolve("processes"));
            stack = new LocalStack(config, registry);
        } catch (RuntimeException e) {
            System.err.println("[stack] FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "interlock-stack-stop"));
        try {
            stack.start();
            stack.supervise();
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
                new Application("people", "services/people", config.peoplePort(), "people"),
                new Application("gateway", "gateway", config.gatewayPort(), "gateway", "gateway_app"));
    }

    public void start() {
        long begin = System.nanoTime();
        say("data directory " + config.dataDirectory());
        supervisor.start(List.of(postgres));
        applicationsToRun().forEach(app -> postgres.ensureDatabase(app.database(), app.runtimeRole()));
        say("PostgreSQL   postgresql://127.0.0.1:" + config.postgresPort() + " (databases: prisons, probation,"
                + " intelligence, partners, people, gateway) at " + since(begin));
        supervisor.start(List.of(kafka));
        say("Kafka        " + kafka.bootstrapServers() + " at " + since(begin));
        supervisor.start(List.of(keycloak));
        say("Keycloak     " + keycloak.url() + " (realm " + KeycloakNode.REALM + "; admin password in "
                + config.dataDirectory().resolve("keycloak/admin-password") + ") at " + since(begin));
        supervisor.start(applications);
        for (ApplicationServer server : applications) {
            Application app = server.application();
            say(String.format("%-12s %s (ready: %s)", app.name(), app.url(), app.readinessUrl()));
        }
        say("applications ready at " + since(begin));
        writeReady(System.nanoTime() - begin);
        say("READY in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
    }

    /** From now on, restarts what dies and answers {@code deploy/stack restart}. */
    public synchronized void supervise() {
        supervisor.watch();
        control = new ControlRequests(config.dataDirectory().resolve("control"), supervisor, LocalStack::say);
        control.listen();
        say("supervising " + String.join(", ", supervisor.names()) + " (restart with back-off 1 s to 30 s)");
    }

    private List<ApplicationServer> applicationServers() {
        Map<String, String> routes = new HashMap<>();
        // The dev realm's secret of client interlock-gateway (deploy/keycloak/interlock-realm.json).
        routes.put("INTERLOCK_GATEWAY_CLIENT_SECRET", "dev-gateway-secret");
        for (Application app : allApplications()) {
            routes.put("INTERLOCK_SERVICE_" + app.name().toUpperCase() + "_URL", app.url());
        }
        List<Application> apps = applicationsToRun();
        if (apps.isEmpty()) {
            return List.of();
        }
        String signingKey = AuditSigningKey.of(config.dataDirectory());
        Map<String, String> actorSecrets = ActorSecrets.of(config.dataDirectory());
        List<ApplicationServer> servers = new ArrayList<>();
        for (Application app : apps) {
            Map<String, String> env = new HashMap<>(routes);
            if (app.name().equals("gateway")) {
                // Only the gateway signs the audit trail, and vouches for who acts to every service.
                env.put("INTERLOCK_AUDIT_SIGNING_KEY", signingKey);
                actorSecrets.forEach((service, secret) ->
                        env.put("INTERLOCK_ACTOR_" + service.toUpperCase() + "_SECRET", secret));
                // The dev realm's secret of client interlock-directory: the gateway's staff directory.
                env.put("INTERLOCK_DIRECTORY_CLIENT_SECRET", "dev-directory-secret");
            } else {
                // Each service holds only its own actor secret: it cannot vouch to another service.
                env.put("INTERLOCK_ACTOR_SECRET", actorSecrets.get(app.name()));
            }
            servers.add(new ApplicationServer(app, app.process(config, kafka, postgres, keycloak, env, registry)));
        }
        return servers;
    }

    /** Kills a component with SIGKILL, as a crash would (fault tests). */
    public void kill(String name) {
        component(name).kill();
    }

    /** Starts a killed or stopped component again and waits until it is ready; returns how long that took. */
    public Duration restart(String name) {
        return supervisor.restart(name);
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    private Component component(String name) {
        List<Component> all = new ArrayList<>(List.of(kafka, postgres, keycloak));
        all.addAll(applications);
        return all.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + name));
    }

    public synchronized void stop() {
        if (control != null) {
            control.close();
        }
        supervisor.stopAll();
        statusFile.delete();
        deleteReady();
        say("stopped");
    }

    private void writeReady(long startNanos) {
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

    private void deleteReady() {
        try {
            Files.deleteIfExists(config.dataDirectory().resolve("stack.ready"));
        } catch (IOException e) {
            say("could not delete the status file: " + e.getMessage());
        }
    }

    private static String since(long beginNanos) {
        return String.format("%.1f s", (System.nanoTime() - beginNanos) / 1e9);
    }

    private static void say(String line) {
        System.out.println("[stack] " + line);
        System.out.flush();
    }
}
