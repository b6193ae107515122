package org.interlock.stack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRegistryTest {

    @TempDir
    Path directory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopStandIns() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatAKilledOwnerLeftIsStoppedAtTheNextStart() throws Exception {
        String marker = StandIns.uniqueSleep();
        Process orphan = start(marker);
        new ProcessRegistry(directory, StandIns.deadProcess()).record("postgres", orphan.pid(), marker, StopSignal.INT);

        List<ProcessRegistry.Registration> stopped = new ProcessRegistry(directory, ProcessIdentity.current())
                .stopOrphans();

        assertEquals(List.of("postgres"), stopped.stream().map(ProcessRegistry.Registration::component).toList());
        assertTrue(orphan.waitFor(ProcessRegistry.GRACE.toSeconds(), TimeUnit.SECONDS), "the orphan stopped");
        assertEquals(List.of(), registry().registrations(), "and is forgotten");
    }

    @Test
    void aProcessThatWasGivenARecycledPidIsNeverStopped() throws Exception {
        String marker = StandIns.uniqueSleep();
        Process unrelated = start(marker);
        ProcessIdentity now = ProcessIdentity.of(unrelated.pid()).orElseThrow();
        ProcessIdentity earlier = new ProcessIdentity(now.pid(), now.startTicks() - 1);
        new ProcessRegistry(directory, StandIns.deadProcess()).record("gateway", earlier, marker, StopSignal.TERM);

        List<ProcessRegistry.Registration> stopped = registry().stopOrphans();

        assertEquals(List.of(), stopped);
        assertTrue(unrelated.isAlive(), "same pid, another start time: not the process that was recorded");
        assertEquals(List.of(), registry().registrations(), "the stale record is dropped");
    }

    @Test
    void aProcessWhoseCommandLineNoLongerNamesWhatItServedIsNeverStopped() throws Exception {
        Process unrelated = start(StandIns.uniqueSleep());
        new ProcessRegistry(directory, StandIns.deadProcess())
                .record("keycloak", unrelated.pid(), "/some/keycloak/home", StopSignal.TERM);

        assertEquals(List.of(), registry().stopOrphans());
        assertTrue(unrelated.isAlive());
    }

    @Test
    void theProcessesOfAnOwnerThatStillRunsAreLeftAlone() throws Exception {
        String marker = StandIns.uniqueSleep();
        Process server = start(marker);
        Process owner = start("60");
        new ProcessRegistry(directory, ProcessIdentity.of(owner.pid()).orElseThrow())
                .record("gateway", server.pid(), marker, StopSignal.TERM);

        assertEquals(List.of(), registry().stopOrphans());
        assertTrue(server.isAlive());
        assertEquals(1, registry().registrations().size());
    }

    @Test
    void aComponentsLeftoversAreStoppedAndItsOtherProcessesKept() throws Exception {
        String marker = StandIns.uniqueSleep();
        Process leftover = start(marker);
        String otherMarker = StandIns.uniqueSleep();
        Process otherNode = start(otherMarker);
        ProcessRegistry registry = registry();
        registry.record("postgres", leftover.pid(), marker, StopSignal.INT);
        registry.record("postgres", otherNode.pid(), otherMarker, StopSignal.INT);

        registry.stop("postgres", marker);

        assertTrue(leftover.waitFor(ProcessRegistry.GRACE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(otherNode.isAlive(), "another server of the same kind, on another directory");
    }

    @Test
    void anIdentityIsAPidAndAStartTime() throws Exception {
        Process p = start("60");
        ProcessIdentity identity = ProcessIdentity.of(p.pid()).orElseThrow();
        assertTrue(identity.alive());
        assertTrue(identity.commandLine().orElseThrow().startsWith("sleep 60"));
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        assertFalse(identity.alive());
    }

    private ProcessRegistry registry() {
        return new ProcessRegistry(directory, ProcessIdentity.current());
    }

    private Process start(String seconds) throws Exception {
        Process p = StandIns.sleep(seconds);
        started.add(p);
        return p;
    }
}
