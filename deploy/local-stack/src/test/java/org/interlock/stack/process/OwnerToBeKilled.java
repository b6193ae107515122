package org.interlock.stack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.interlock.stack.ChildProcess;

/**
 * A JVM that starts a child process and a daemon, as the stack starts an application and
 * PostgreSQL, then waits to be killed ({@link WatchdogTest}). Prints {@code READY <child> <daemon>}.
 */
public final class OwnerToBeKilled {

    private OwnerToBeKilled() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String childMarker = args[1];
        String daemonMarker = args[2];
        ProcessRegistry registry = ProcessRegistry.open(directory);

        ChildProcess child = new ChildProcess("app", List.of("sleep", childMarker), Map.of(), directory,
                directory.resolve("app.log"), registry, childMarker);
        child.start();

        // Started the way pg_ctl starts a postmaster: in a session of its own, by a parent that exits at
        // once, so it is no child of ours. (Not with "sh -c '... &'": that would ignore SIGINT.)
        new ProcessBuilder("setsid", "-f", "sleep", daemonMarker).start().waitFor();
        long daemon = await(daemonMarker);
        registry.record("postgres", daemon, daemonMarker, StopSignal.INT);

        System.out.println("READY " + child.servingPid() + " " + daemon);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The pid of {@code sleep <marker>}, once setsid's child has become it. */
    private static long await(String marker) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var found = ProcessHandle.allProcesses()
                    .filter(p -> List.of(p.info().arguments().orElse(new String[0])).equals(List.of(marker)))
                    .mapToLong(ProcessHandle::pid).findFirst();
            if (found.isPresent()) {
                return found.getAsLong();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("sleep " + marker + " did not start");
    }
}
