package org.interlock.stack.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private Process owner;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (owner != null) {
            owner.destroyForcibly();
            owner.waitFor(10, TimeUnit.SECONDS);
        }
        new ProcessRegistry(directory, ProcessIdentity.current()).stopOrphans();
    }

    @Test
    void whatAJvmKilledWithSigkillStartedIsStoppedByItsWatchdog() throws Exception {
        String childMarker = StandIns.uniqueSleep();
        String daemonMarker = StandIns.uniqueSleep();
        owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), OwnerToBeKilled.class.getName(),
                directory.toString(), childMarker, daemonMarker)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] ready;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()))) {
            ready = out.readLine().split(" ");
        }
        assertEquals("READY", ready[0]);
        ProcessIdentity child = ProcessIdentity.of(Long.parseLong(ready[1])).orElseThrow();
        ProcessIdentity daemon = ProcessIdentity.of(Long.parseLong(ready[2])).orElseThrow();
        List<ProcessHandle> watchdogs = owner.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(Watchdog.class.getName())).toList();
        assertEquals(1, watchdogs.size(), "one watchdog beside the owner");

        long killed = System.nanoTime();
        owner.destroyForcibly();
        owner.waitFor(10, TimeUnit.SECONDS);

        await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
                .until(() -> !child.alive() && !daemon.alive() && !watchdogs.get(0).isAlive());
        System.out.printf("[watchdog] child and daemon of a killed JVM stopped %d ms after SIGKILL%n",
                (System.nanoTime() - killed) / 1_000_000);
        assertTrue(new ProcessRegistry(directory, ProcessIdentity.current()).registrations().isEmpty(),
                "nothing left recorded");
    }
}
