package org.interlock.stack.process;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Harmless processes that stand in for servers: {@code sleep} with a number no other process uses. */
final class StandIns {

    private StandIns() {
    }

    /** A marker unique to one test: a sleep of about 10 minutes, to the microsecond. */
    static String uniqueSleep() {
        return String.format("%d.%06d", 600, ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static Process sleep(String seconds) throws IOException {
        return new ProcessBuilder("sleep", seconds).start();
    }

    /** The identity of a process that ran and is gone: an owner that was killed. */
    static ProcessIdentity deadProcess() throws IOException, InterruptedException {
        Process p = sleep("30");
        ProcessIdentity identity = ProcessIdentity.of(p.pid()).orElseThrow();
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        return identity;
    }
}
