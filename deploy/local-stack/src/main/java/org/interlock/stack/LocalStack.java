package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.interlock.stack.federation.FederationLayout;
import org.interlock.stack.federation.LocalFederation;
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
 * <p>With {@code --federation} ({@link FederationLayout}) it runs a second deployment beside the first, as
 * another country's: its own PostgreSQL, Kafka node and applications ({@code abroad-*}), its own realm in the
 * same Keycloak, and both gateways federated with each other ({@link LocalFederation}).
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
    private final Optional<Abroad> abroad;
    private final StatusFile statusFile;
    private final Supervisor supervisor;
    private ControlRequests control;

    LocalStack(StackConfig config, Optional<LocalFederation> federation, ProcessRegistry registry) {
        this(config, registry, kafka("kafka", config, registry), postgres("postgres", config, config, registry),
                new KeycloakNode(config.dataDirectory().resolve("keycloak"), realms(config, federation),
                        config.keycloakPort(), config.keycloakManagementPort(), false, registry),
                federation);
    }

    /** A stack on servers the caller provides: end-to-end tests share theirs with other tests. */
    public LocalStack(StackConfig config, ProcessRegistry registry, KafkaBroker kafka, PostgresNode postgres,
            KeycloakNode keycloak) {
        this(config, registry, kafka, postgres, keycloak, Optional.empty());
    }

    /**
     * Both deployments of {@code --federation} on a Keycloak the caller provides, which must already serve both
     * realms (end-to-end tests share theirs); each deployment has its own PostgreSQL and Kafka, as in
     * {@code up --federation}.
     */
    public static LocalStack federated(LocalFederation federation, ProcessRegistry registry, KeycloakNode keycloak) {
        StackConfig home = federation.layout().home();
        return new LocalStack(home, registry, kafka("kafka", home, registry), postgres("postgres", home, home, registry),
                keycloak, Optional.of(federation));
    }

    private LocalStack(StackConfig config, ProcessRegistry registry, KafkaBroker kafka, PostgresNode postgres,
            KeycloakNode keycloak, Optional<LocalFederation> federation) {
        this.config = config;
        this.registry = registry;
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.applications = applicationServers(new Side(config, "", kafka, postgres, Map.of(),
                federation.map(LocalFederation::homeGatewayEnvironment).orElse(Map.of())));
        this.abroad = federation.map(this::secondDeployment);
        this.statusFile = new StatusFile(config.dataDirectory().resolve("stack.status"));
        List<Component> components = new ArrayList<>(List.of(kafka, postgres, keycloak));
        components.addAll(applications);
        abroad.ifPresent(a -> components.addAll(a.components()));
        this.supervisor = new Supervisor(components, RestartPolicy.DEFAULT, statusFile::write, LocalStack::say);
    }

    /**
     * The second deployment of {@code --federation}: each server its own, on its own ports and in its own folder.
     * Kafka is a second KRaft node, a cluster of its own (deployments never share one); PostgreSQL a second server
     * (its databases and roles named as the first's); only Keycloak is shared, a realm each.
     */
    private record Abroad(StackConfig config, KafkaBroker kafka, PostgresNode postgres,
                          List<ApplicationServer> applications) {
        List<Component> components() {
            List<Component> all = new ArrayList<>(List.of(kafka, postgres));
            all.addAll(applications);
            return all;
        }
    }

    private Abroad secondDeployment(LocalFederation federation) {
        StackConfig other = federation.layout().abroad();
        KafkaBroker otherKafka = kafka(FederationLayout.abroad("kafka"), other, registry);
        PostgresNode otherPostgres = postgres(FederationLayout.abroad("postgres"), other, config, registry);
        Map<String, String> gateway = new HashMap<>(federation.abroadGatewayEnvironment());
        gateway.putAll(LocalFederation.realmEnvironment(keycloak.url(), FederationLayout.ABROAD_REALM, true));
        Side side = new Side(other, FederationLayout.ABROAD, otherKafka, otherPostgres,
                LocalFederation.realmEnvironment(keycloak.url(), FederationLayout.ABROAD_REALM, false), gateway);
        return new Abroad(other, otherKafka, otherPostgres, applicationServers(side));
    }

    /**
     * What differs between the two deployments' applications.
     *
     * @param every   added to every application's environment (the second deployment's realm)
     * @param gateway added to the gateway's (federation; and the second deployment's realm clients)
     */
    private record Side(StackConfig config, String deployment, KafkaBroker kafka, PostgresNode postgres,
                        Map<String, String> every, Map<String, String> gateway) {
    }

    private static KafkaBroker kafka(String name, StackConfig deployment, ProcessRegistry registry) {
        return new KafkaProcess(name, deployment.dataDirectory().resolve("kafka"), deployment.kafkaPort(),
                deployment.kafkaControllerPort(), deployment.logs().resolve("kafka.log"), registry);
    }

    /** The PostgreSQL binaries are unpacked once, in the first deployment's folder, and shared. */
    private static PostgresNode postgres(String name, StackConfig deployment, StackConfig first,
            ProcessRegistry registry) {
        return new PostgresNode(name, deployment.dataDirectory().resolve("postgres"),
                first.dataDirectory().resolve("pg-binaries"), deployment.postgresPort(), registry);
    }

    private static List<Path> realms(StackConfig config, Optional<LocalFederation> federation) {
        List<Path> realms = new ArrayList<>(List.of(config.repository().resolve(LocalFederation.FIRST_REALM)));
        federation.ifPresent(f -> realms.add(f.abroadRealmFile()));
        return realms;
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of(System.getProperty("interlock.repo", ".")).toAbsolutePath().normalize();
        LocalStack stack;
        try {
            StackConfig config = StackConfig.from(System.getenv(), repository);
            Optional<LocalFederation> federation = FederationLayout.from(System.getenv(), config)
                    .map(layout -> LocalFederation.prepare(layout, Instant.now()));
            // First stops what a killed launcher left here, then starts this one's watchdog.
            ProcessRegistry registry = ProcessRegistry.open(config.dataDirectory().resolve("processes"));
            stack = new LocalStack(config, federation, registry);
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
        return applicationsToRun(config);
    }

    private static List<Application> applicationsToRun(StackConfig deployment) {
        return allApplications(deployment).stream().filter(app -> deployment.runs(app.name())).toList();
    }

    private static List<Application> allApplications(StackConfig deployment) {
        return List.of(
                new Application("prisons", "services/prisons", deployment.prisonsPort(), "prisons"),
                new Application("probation", "services/probation", deployment.probationPort(), "probation"),
                new Application("intelligence", "services/intelligence", deployment.intelligencePort(),
                        "intelligence"),
                new Application("partners", "services/partners", deployment.partnersPort(), "partners"),
                new Application("people", "services/people", deployment.peoplePort(), "people"),
                new Application("gateway", "gateway", deployment.gatewayPort(), "gateway", "gateway_app"));
    }

    /**
     * PostgreSQL, then Kafka (each side by side in both deployments), Keycloak (one, both realms), the first
     * deployment's applications, then the second's.
     */
    public void start() {
        long begin = System.nanoTime();
        say("data directory " + config.dataDirectory());
        supervisor.start(both(postgres, abroad.map(Abroad::postgres)));
        applicationsToRun().forEach(app -> postgres.ensureDatabase(app.database(), app.runtimeRole()));
        abroad.ifPresent(a -> applicationsToRun(a.config())
                .forEach(app -> a.postgres().ensureDatabase(app.database(), app.runtimeRole())));
        say("PostgreSQL   postgresql://127.0.0.1:" + config.postgresPort() + " (databases: prisons, probation,"
                + " intelligence, partners, people, gateway) at " + since(begin));
        supervisor.start(both(kafka, abroad.map(Abroad::kafka)));
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
        abroad.ifPresent(a -> {
            // After the first's, not beside them: twelve JVMs starting at once on two cores kept a gateway
            // from being ready within its 120 s (measured), where six at a time start as the plain stack does.
            supervisor.start(a.applications());
            sayAbroad(a);
            say("abroad applications ready at " + since(begin));
        });
        writeReady(System.nanoTime() - begin);
        say("READY in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
    }

    private static List<Component> both(Component first, Optional<? extends Component> second) {
        List<Component> stage = new ArrayList<>(List.of(first));
        second.ifPresent(stage::add);
        return stage;
    }

    private void sayAbroad(Abroad a) {
        say("federated   " + FederationLayout.HOME + " (this deployment) <-> " + FederationLayout.ABROAD
                + " (data in " + a.config().dataDirectory() + ")");
        say("abroad       PostgreSQL 127.0.0.1:" + a.config().postgresPort() + ", Kafka " + a.kafka().bootstrapServers()
                + ", realm " + keycloak.issuer(FederationLayout.ABROAD_REALM));
        for (ApplicationServer server : a.applications()) {
            Application app = server.application();
            say(String.format("%-19s %s", app.component(), app.url()));
        }
    }

    /** From now on, restarts what dies and answers {@code deploy/stack restart}. */
    public synchronized void supervise() {
        supervisor.watch();
        control = new ControlRequests(config.dataDirectory().resolve("control"), supervisor, LocalStack::say);
        control.listen();
        say("supervising " + String.join(", ", supervisor.names()) + " (restart with back-off 1 s to 30 s)");
    }

    /** One deployment's applications, each with its own secrets (made and kept in the deployment's folder). */
    private List<ApplicationServer> applicationServers(Side side) {
        Map<String, String> routes = new HashMap<>(side.every());
        // The dev realm's secret of client interlock-gateway (deploy/keycloak/interlock-realm.json).
        routes.put("INTERLOCK_GATEWAY_CLIENT_SECRET", "dev-gateway-secret");
        for (Application app : allApplications(side.config())) {
            routes.put("INTERLOCK_SERVICE_" + app.name().toUpperCase() + "_URL", app.url());
        }
        List<Application> apps = applicationsToRun(side.config());
        if (apps.isEmpty()) {
            return List.of();
        }
        String signingKey = AuditSigningKey.of(side.config().dataDirectory());
        Map<String, String> actorSecrets = ActorSecrets.of(side.config().dataDirectory());
        List<ApplicationServer> servers = new ArrayList<>();
        for (Application app : apps.stream().map(app -> app.in(side.deployment())).toList()) {
            Map<String, String> env = new HashMap<>(routes);
            if (app.name().equals("gateway")) {
                env.putAll(side.gateway());
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
            servers.add(new ApplicationServer(app,
                    app.process(side.config(), side.kafka(), side.postgres(), keycloak, env, registry)));
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
        abroad.ifPresent(a -> all.addAll(a.components()));
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
        abroad.ifPresent(a -> {
            // The second deployment's servers under their component names; the script shows them apart.
            status.append("federation=").append(FederationLayout.HOME).append(',').append(FederationLayout.ABROAD)
                    .append('\n');
            status.append(FederationLayout.abroad("realm")).append('=')
                    .append(keycloak.issuer(FederationLayout.ABROAD_REALM)).append('\n');
            status.append(FederationLayout.abroad("kafka")).append('=').append(a.kafka().bootstrapServers()).append('\n');
            status.append(FederationLayout.abroad("postgres")).append("=127.0.0.1:").append(a.config().postgresPort())
                    .append('\n');
            for (ApplicationServer server : a.applications()) {
                status.append(server.application().component()).append('=').append(server.application().url())
                        .append('\n');
            }
        });
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
