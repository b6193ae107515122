package org.interlock.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JVM beside its owner that stops every process the owner recorded once the owner is
 * gone, however it went (SIGKILL included). It learns that without polling a pid that could be
 * recycled: its standard input is a pipe whose only writer is the owner, and the kernel closes
 * that pipe when the owner dies, so the watchdog's read ends. Linux offers
 * {@code prctl(PR_SET_PDEATHSIG)} for the same, but not to Java, and it would not reach a
 * PostgreSQL that daemonised itself.
 */
public final class Watchdog {

    private static final List<Process> RUNNING = new ArrayList<>();

    private Watchdog() {
    }

    /** Starts the watchdog of this JVM's registry. The pipe to it stays open for as long as this JVM runs. */
    static void start(ProcessRegistry registry) {
        Path log = registry.directory().resolve("watchdog.log");
        try {
            Process watchdog = new ProcessBuilder(javaExecutable(), "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", classpath(), Watchdog.class.getName(),
                    registry.directory().toString(), registry.owner().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            // Held for the life of this JVM: were the Process collected, its pipe would close and the
            // watchdog would take this JVM for dead.
            synchronized (RUNNING) {
                RUNNING.add(watchdog);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the watchdog of " + registry.directory(), e);
        }
    }

    /** Arguments: the registry's directory and its owner ({@code pid@startTicks}). */
    public static void main(String[] args) throws IOException {
        ProcessRegistry registry = new ProcessRegistry(Path.of(args[0]), ProcessIdentity.parse(args[1]));
        awaitEndOfInput(System.in);
        List<ProcessRegistry.Registration> stopped = registry.stopOwnedBy(registry.owner());
        for (ProcessRegistry.Registration r : stopped) {
            ProcessRegistry.log("owner " + registry.owner().pid() + " is gone: stopped " + r.component()
                    + " (pid " + r.process().pid() + ")");
        }
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // The owner never writes; anything it did would be ignored.
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Where this class was loaded from (it needs nothing but the JDK and its own package). */
    private static String classpath() {
        CodeSource source = Watchdog.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.exists(location)) {
                    return location.toString();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall through to the JVM's class path
            }
        }
        return System.getProperty("java.class.path");
    }
}
