package org.interlock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.interlock.stack.FreePorts;
import org.interlock.stack.KafkaBroker;
import org.interlock.stack.KafkaNode;
import org.interlock.stack.KafkaProcess;
import org.interlock.stack.PostgresNode;
import org.interlock.stack.process.ProcessIdentity;
import org.interlock.stack.process.ProcessRegistry;

/**
 * The real Kafka broker and PostgreSQL server of one test JVM: started on first use, on free
 * ports, in a fresh folder; stopped and deleted when the JVM exits. Tests may stop and start
 * them to simulate an outage. The broker runs inside this JVM, unless
 * {@code interlock.test.kafka-process} is {@code true}: then in a JVM of its own, which a fault
 * test can kill with SIGKILL as a broker crashes in production.
 *
 * <p>Nothing a test JVM starts outlives it: every server process is recorded in
 * {@link #processes()} ({@code .interlock/processes}), whose watchdog stops them if this JVM is
 * killed, and the first use in the next test JVM stops what a killed run left there and deletes
 * its folder.
 */
public final class TestInfrastructure {

    private static final String OWNER_FILE = "owner";
    private static TestInfrastructure shared;

    private final Path runDirectory;
    private final KafkaBroker kafka;
    private final PostgresNode postgres;

    private TestInfrastructure(Path home) throws IOException {
        Files.createDirectories(home.resolve("test-runs"));
        this.runDirectory = ownedRunDirectory("run-");
        this.kafka = Boolean.getBoolean("interlock.test.kafka-process")
                ? new KafkaProcess(runDirectory.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                        runDirectory.resolve("kafka.log"), processes())
                : new KafkaNode(runDirectory.resolve("kafka"), FreePorts.next(), FreePorts.next());
        this.postgres = new PostgresNode(runDirectory.resolve("postgres"), home.resolve("pg-binaries"),
                FreePorts.next(), processes());
    }

    /** The one instance of this JVM, started. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            processes(); // stops what killed runs left, before their folders go
            deleteRunsOfDeadOwners(home().resolve("test-runs"));
            try {
                shared = new TestInfrastructure(home());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot prepare the test infrastructure", e);
            }
            shared.postgres.start();
            shared.kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndDelete, "test-infrastructure-stop"));
        }
        return shared;
    }

    /** Where this JVM records the servers it starts ({@code .interlock/processes}). */
    public static ProcessRegistry processes() {
        return ProcessRegistry.open(home().resolve("processes"));
    }

    /** A fresh folder under {@code test-runs/}, marked as this JVM's so that it is deleted if the JVM is killed. */
    static Path ownedRunDirectory(String prefix) throws IOException {
        // Created here too: a federated stack may be the first to want one, before any test infrastructure.
        Path directory = Files.createTempDirectory(Files.createDirectories(home().resolve("test-runs")), prefix);
        Files.writeString(directory.resolve(OWNER_FILE), ProcessIdentity.current().toString());
        return directory;
    }

    /** Where kept state lives ({@code .interlock/} at the repository root); set by the build. */
    public static Path home() {
        return Path.of(System.getProperty("interlock.home",
                Path.of(System.getProperty("user.dir"), ".interlock").toString())).toAbsolutePath().normalize();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    private void stopAndDelete() {
        kafka.stop();
        postgres.stop();
        deleteTree(runDirectory);
    }

    private static void deleteRunsOfDeadOwners(Path runs) {
        try (Stream<Path> directories = Files.isDirectory(runs) ? Files.list(runs) : Stream.empty()) {
            for (Path run : directories.toList()) {
                Path owner = run.resolve(OWNER_FILE);
                if (Files.exists(owner) && !ownerAlive(owner)) {
                    deleteTree(run);
                }
            }
        } catch (IOException e) {
            warn("Could not list " + runs + ": " + e.getMessage());
        }
    }

    private static boolean ownerAlive(Path ownerFile) {
        try {
            String[] identity = Files.readString(ownerFile).trim().split("@");
            return new ProcessIdentity(Long.parseLong(identity[0]), Long.parseLong(identity[1])).alive();
        } catch (IOException | RuntimeException e) {
            return true; // unreadable: leave it alone
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            warn("Could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void warn(String message) {
        System.getLogger(TestInfrastructure.class.getName()).log(System.Logger.Level.WARNING, message);
    }
}
