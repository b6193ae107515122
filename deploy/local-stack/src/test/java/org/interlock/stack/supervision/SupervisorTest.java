package org.interlock.stack.supervision;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.supervision.ComponentStatus.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    /** Short delays, so that a test sees several attempts within a second or two. */
    private static final RestartPolicy QUICK =
            new RestartPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(30), 3);
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private ProcessRegistry registry;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @BeforeEach
    void openRegistry() {
        registry = ProcessRegistry.open(directory.resolve("processes"));
    }

    @AfterEach
    void stopAll() {
        if (supervisor != null) {
            supervisor.stopAll();
        }
    }

    @Test
    void aComponentKilledWithSigkillIsStartedAgainAndCounted() {
        SleepComponent server = new SleepComponent("gateway", "sleep 600", directory, registry);
        supervisor = watching(List.of(server));
        long firstPid = status("gateway").pid();

        server.kill();

        await().atMost(BOUND).until(() -> status("gateway").state() == State.READY && status("gateway").restarts() == 1);
        ComponentStatus after = status("gateway");
        assertEquals("killed by SIGKILL", after.lastExit());
        assertNotEquals(firstPid, after.pid());
        assertEquals(after.pid(), server.pid());
    }

    @Test
    void aComponentThatKeepsDyingIsReportedFailedAndLeftDown() {
        SleepComponent crashing = new SleepComponent("probation", "sleep 0.1; exit 3", directory, registry);
        supervisor = watching(List.of(crashing));

        await().atMost(BOUND).until(() -> status("probation").state() == State.FAILED);

        assertEquals(new ComponentStatus("probation", 0, State.FAILED, QUICK.maxAttempts(), "exit code 3"),
                status("probation"));
    }

    @Test
    void aFailedComponentIsStartedAgainOnRequest() throws Exception {
        Path repaired = directory.resolve("repaired");
        SleepComponent crashing = new SleepComponent("partners",
                "test -f " + repaired + " && exec sleep 600; sleep 0.1; exit 3", directory, registry);
        supervisor = watching(List.of(crashing));
        await().atMost(BOUND).until(() -> status("partners").state() == State.FAILED);
        Files.createFile(repaired);

        supervisor.restart("partners");

        assertEquals(new ComponentStatus("partners", crashing.pid(), State.READY, QUICK.maxAttempts() + 1,
                "restarted on request"), status("partners"));
    }

    @Test
    void aRestartOnRequestStopsTheRunningProcessAndStartsANewOne() {
        SleepComponent server = new SleepComponent("prisons", "sleep 600", directory, registry);
        supervisor = watching(List.of(server));
        long before = server.pid();

        supervisor.restart("prisons");

        ComponentStatus after = status("prisons");
        assertEquals(State.READY, after.state());
        assertEquals(1, after.restarts());
        assertEquals("restarted on request", after.lastExit());
        assertNotEquals(before, after.pid());
        assertEquals(List.of(), log.stream().filter(line -> line.contains("exited")).toList(),
                "a restart on request is no crash");
    }

    @Test
    void anUnknownComponentCannotBeRestarted() {
        supervisor = watching(List.of(new SleepComponent("gateway", "sleep 600", directory, registry)));
        assertThrows(IllegalArgumentException.class, () -> supervisor.restart("postgress"));
    }

    @Test
    void everyChangeIsWrittenToTheStatusFile() throws Exception {
        StatusFile file = new StatusFile(directory.resolve("stack.status"));
        SleepComponent server = new SleepComponent("intelligence", "sleep 600", directory, registry);
        supervisor = new Supervisor(List.of(server), QUICK, file::write, log::add);
        supervisor.start(List.of(server));

        assertEquals(List.of(StatusFile.HEADER, "intelligence\t" + server.pid() + "\tready\t0\t-"),
                Files.readAllLines(directory.resolve("stack.status")));
    }

    private Supervisor watching(List<SleepComponent> components) {
        Supervisor s = new Supervisor(components, QUICK, status -> { }, log::add);
        s.start(components);
        s.watch();
        return s;
    }

    private ComponentStatus status(String name) {
        return supervisor.status().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
