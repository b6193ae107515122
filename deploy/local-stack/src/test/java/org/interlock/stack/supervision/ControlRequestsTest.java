package org.interlock.stack.supervision;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.interlock.stack.process.ProcessRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlRequestsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private Supervisor supervisor;
    private ControlRequests control;
    private SleepComponent gateway;
    private Path requests;

    @BeforeEach
    void listen() {
        ProcessRegistry registry = ProcessRegistry.open(directory.resolve("processes"));
        gateway = new SleepComponent("gateway", "sleep 600", directory, registry);
        supervisor = new Supervisor(List.of(gateway), RestartPolicy.DEFAULT, status -> { }, line -> { });
        supervisor.start(List.of(gateway));
        requests = directory.resolve("control");
        control = new ControlRequests(requests, supervisor, line -> { });
        control.listen();
    }

    @AfterEach
    void stop() {
        control.close();
        supervisor.stopAll();
    }

    @Test
    void aRequestRestartsTheComponentAndTheReplySaysWhenItWasReady() throws Exception {
        long before = gateway.pid();

        String reply = ask("1", "restart gateway\n");

        assertTrue(reply.matches("ok \\d+\n"), reply);
        assertEquals(1, supervisor.status().get(0).restarts());
        assertFalse(before == gateway.pid());
    }

    @Test
    void aRequestForAComponentTheStackDoesNotRunIsRefused() throws Exception {
        assertEquals("error no component 'gateway;reboot' (gateway)\n", ask("2", "restart gateway;reboot\n"));
    }

    @Test
    void anythingButARestartIsRefused() throws Exception {
        assertEquals("error unknown request (expected: restart <component>)\n", ask("3", "stop gateway\n"));
        assertEquals(0, supervisor.status().get(0).restarts());
    }

    @Test
    void theControlFolderIsTheOwnersAlone() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(requests)));
    }

    private String ask(String id, String request) throws Exception {
        Files.writeString(requests.resolve(id + ".partial"), request);
        Files.move(requests.resolve(id + ".partial"), requests.resolve(id + ".request"));
        Path reply = requests.resolve(id + ".reply");
        await().atMost(BOUND).until(() -> Files.exists(reply));
        return Files.readString(reply);
    }
}
