package org.interlock.stack.process;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The signal that asks a server to shut down cleanly. */
public enum StopSignal {

    /** A JVM: runs its shutdown hooks. */
    TERM,
    /** PostgreSQL's postmaster: "fast" shutdown (SIGTERM would wait for every client to leave). */
    INT;

    void send(long pid) {
        if (this == TERM) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            return;
        }
        // Java sends only SIGTERM and SIGKILL itself.
        try {
            Process kill = new ProcessBuilder("kill", "-s", name(), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessRegistry.log("could not send SIG" + name() + " to " + pid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
