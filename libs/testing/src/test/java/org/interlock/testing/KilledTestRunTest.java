package org.interlock.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.interlock.stack.process.ProcessRegistry.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Servers started by a test JVM never outlive it: killed with SIGKILL, its watchdog stops them
 * within seconds; and if the watchdog was killed too, the next test JVM stops what was left.
 */
class KilledTestRunTest {

    /** A cold Keycloak unpacks and builds itself first. */
    private static final Duration STARTED = Duration.ofMinutes(5);
    private static final Duration STOPPED = Duration.ofSeconds(60);

    private final List<Process> testRuns = new ArrayList<>();

    @BeforeAll
    static void openTheRegistry() {
        TestInfrastructure.processes(); // this JVM's own first use: what earlier runs left is gone before we start
    }

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process run : testRuns) {
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
        }
        TestInfrastructure.processes().stopOrphans();
    }

    @Test
    void theServersOfATestJvmKilledWithSigkillAreStoppedWithinSeconds() throws Exception {
        Process run = start("keycloak");
        String kafka = awaitReady(run);
        List<Registration> servers = registeredBy(run);
        assertEquals(Set.of("postgres", "keycloak"), servers.stream().map(Registration::component)
                .collect(Collectors.toSet()), "PostgreSQL and Keycloak run as processes of their own");
        assertTrue(listening(kafka), "Kafka runs inside the test JVM");

        long killed = System.nanoTime();
        run.destroyForcibly();

        await().atMost(STOPPED).pollInterval(Duration.ofMillis(100)).until(() ->
                servers.stream().noneMatch(s -> s.process().alive()) && !listening(kafka));
        System.out.printf("[killed-test-run] PostgreSQL, Keycloak (%d processes) and Kafka gone %d ms after SIGKILL%n",
                servers.size(), (System.nanoTime() - killed) / 1_000_000);
        // The watchdog forgets each registration once its process is gone: a moment after the last one.
        await().atMost(STOPPED).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(List.of(), registeredBy(run), "and forgotten"));
    }

    @Test
    void aPostgresLeftByAKilledRunIsStoppedWhenTheNextRunStarts() throws Exception {
        Process run = start("plain");
        awaitReady(run);
        Registration postgres = registeredBy(run).stream().filter(r -> r.component().equals("postgres"))
                .findFirst().orElseThrow();
        Path runDirectory = runDirectoryOf(postgres);
        // The watchdog killed first, then the JVM: what a kill of the whole process tree does.
        ProcessHandle watchdog = run.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("Watchdog")).findFirst().orElseThrow();
        watchdog.destroyForcibly();
        watchdog.onExit().get(10, TimeUnit.SECONDS);
        run.destroyForcibly();
        run.waitFor(10, TimeUnit.SECONDS);
        assertTrue(postgres.process().alive(), "an orphaned PostgreSQL, as a killed test run leaves today");

        Process nextRun = start("exit");
        assertTrue(nextRun.waitFor(STARTED.toSeconds(), TimeUnit.SECONDS), "the next run starts and ends");

        assertEquals(0, nextRun.exitValue());
        assertFalse(postgres.process().alive(), "the orphan was stopped when the next run started");
        assertFalse(Files.exists(runDirectory), "and the killed run's folder deleted");
    }

    private Process start(String mode) throws IOException {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dinterlock.home=" + TestInfrastructure.home(),
                "-cp", System.getProperty("java.class.path"), TestRunToBeKilled.class.getName(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                // Only a run we wait READY from is read; any other must never block on a full pipe.
                .redirectOutput(mode.equals("exit") ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE)
                .start();
        testRuns.add(run);
        return run;
    }

    /** Waits for {@code READY <kafka>}, bounded; returns the Kafka address. */
    private static String awaitReady(Process run) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream()));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    if (l.startsWith("READY ")) {
                        return l;
                    }
                }
                return "EXITED";
            } catch (IOException e) {
                return "EXITED";
            }
        }).get(STARTED.toSeconds(), TimeUnit.SECONDS);
        assertTrue(line.startsWith("READY "), "the test run started its servers: " + line);
        return line.substring("READY ".length());
    }

    private static List<Registration> registeredBy(Process run) {
        return TestInfrastructure.processes().registrations().stream()
                .filter(r -> r.owner().pid() == run.pid()).toList();
    }

    private static Path runDirectoryOf(Registration postgres) {
        // The marker is the data directory: <home>/test-runs/run-*/postgres/data
        return Path.of(postgres.marker()).getParent().getParent();
    }

    private static boolean listening(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
