package org.interlock.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.supervision.ComponentStatus;
import org.interlock.stack.supervision.ComponentStatus.State;
import org.interlock.stack.supervision.RestartPolicy;
import org.interlock.stack.supervision.Supervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real servers of the stack, killed with SIGKILL under the supervisor, come back by themselves. */
class SupervisedServersTest {

    private static final Duration RECOVERED = Duration.ofSeconds(120);

    @TempDir
    static Path directory;

    private static PostgresNode postgres;
    private static KafkaProcess kafka;
    private static Supervisor supervisor;

    @BeforeAll
    static void startAndWatch() {
        ProcessRegistry registry = ProcessRegistry.open(directory.resolve("processes"));
        Path home = Path.of(System.getProperty("interlock.home", System.getProperty("user.dir") + "/.interlock"));
        postgres = new PostgresNode(directory.resolve("postgres"), home.resolve("pg-binaries"), FreePorts.next(),
                registry);
        kafka = new KafkaProcess(directory.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                directory.resolve("kafka.log"), registry);
        supervisor = new Supervisor(List.of(kafka, postgres), RestartPolicy.DEFAULT, status -> { },
                line -> System.out.println("[supervisor] " + line));
        supervisor.start(List.of(postgres, kafka));
        supervisor.watch();
    }

    @AfterAll
    static void stopAll() {
        if (supervisor != null) {
            supervisor.stopAll();
        }
    }

    @Test
    void aPostgresKilledWithSigkillIsStartedAgainAndAnswers() throws Exception {
        long before = postgres.pid();
        long killed = System.nanoTime();
        postgres.kill();

        ComponentStatus after = awaitRestarted("postgres");
        System.out.printf("[supervised] PostgreSQL ready again %d ms after SIGKILL%n",
                (System.nanoTime() - killed) / 1_000_000);
        assertNotEquals(before, after.pid());
        assertEquals(1, selectOne());
    }

    @Test
    void aKafkaBrokerKilledWithSigkillIsStartedAgainAndAnswers() throws Exception {
        long before = kafka.pid();
        long killed = System.nanoTime();
        ProcessHandle.of(before).orElseThrow().destroyForcibly();

        ComponentStatus after = awaitRestarted("kafka");
        System.out.printf("[supervised] Kafka ready again %d ms after SIGKILL%n",
                (System.nanoTime() - killed) / 1_000_000);
        assertEquals("killed by SIGKILL", after.lastExit());
        assertNotEquals(before, after.pid());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        }
    }

    private static ComponentStatus awaitRestarted(String name) {
        await().atMost(RECOVERED).pollInterval(Duration.ofMillis(100)).until(() -> {
            ComponentStatus s = status(name);
            return s.state() == State.READY && s.restarts() == 1;
        });
        return status(name);
    }

    private static ComponentStatus status(String name) {
        return supervisor.status().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static int selectOne() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
