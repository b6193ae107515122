package org.interlock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.interlock.stack.FreePorts;
import org.interlock.stack.KafkaNode;
import org.interlock.stack.PostgresNode;

/**
 * The real Kafka broker and PostgreSQL server of one test JVM: started on first use, on free
 * ports, in a fresh folder; stopped and deleted when the JVM exits. Tests may stop and start
 * them to simulate an outage.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final Path runDirectory;
    private final KafkaNode kafka;
    private final PostgresNode postgres;

    private TestInfrastructure(Path home) throws IOException {
        Files.createDirectories(home.resolve("test-runs"));
        this.runDirectory = Files.createTempDirectory(home.resolve("test-runs"), "run-");
        this.kafka = new KafkaNode(runDirectory.resolve("kafka"), FreePorts.next(), FreePorts.next());
        this.postgres = new PostgresNode(runDirectory.resolve("postgres"), home.resolve("pg-binaries"),
                FreePorts.next());
    }

    /** The one instance of this JVM, started. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
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

    /** Where kept state lives ({@code .interlock/} at the repository root); set by the build. */
    public static Path home() {
        return Path.of(System.getProperty("interlock.home",
                Path.of(System.getProperty("user.dir"), ".interlock").toString()));
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    private void stopAndDelete() {
        kafka.stop();
        postgres.stop();
        try (var paths = Files.walk(runDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.getLogger(TestInfrastructure.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete {0}: {1}", runDirectory, e.getMessage());
        }
    }
}
