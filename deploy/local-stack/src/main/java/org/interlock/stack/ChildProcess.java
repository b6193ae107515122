package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.process.StopSignal;

/**
 * A server run as a child process (Kafka, Keycloak, an Interlock application), its output appended
 * to one log file, and recorded in the {@link ProcessRegistry} so that it does not outlive this
 * JVM. Stopping it also stops every process it started, so nothing is left behind.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private final ProcessRegistry registry;
    private final String marker;
    private Process process;

    /**
     * @param marker text that the command line of this process and of what it starts contains (a
     *               jar, a folder of its own): what the registry checks before it ever stops one
     */
    public ChildProcess(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile, ProcessRegistry registry, String marker) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
        this.registry = registry;
        this.marker = marker;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            registry.record(name, process.pid(), marker, StopSignal.TERM);
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Records the processes it started by now (Keycloak's launcher script runs the JVM beside it),
     * so that they are stopped with it even if the script itself is killed.
     */
    public synchronized void recordDescendants() {
        if (process != null) {
            process.descendants().forEach(d -> registry.record(name, d.pid(), marker, StopSignal.TERM));
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** The JVM that serves: this process, or the JVM that its launcher script runs (Keycloak). */
    public synchronized long servingPid() {
        if (process == null || !process.isAlive()) {
            return 0;
        }
        return process.descendants()
                .filter(d -> d.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** Why it ended: its exit code, or the signal that killed it. */
    public synchronized String exitReason() {
        if (process == null) {
            return "not started";
        }
        if (process.isAlive()) {
            return "running";
        }
        return describeExit(process.exitValue());
    }

    /** Java reports a process killed by signal N as exit code 128 + N. */
    static String describeExit(int code) {
        return switch (code) {
            case 137 -> "killed by SIGKILL";
            case 143 -> "killed by SIGTERM";
            case 130 -> "killed by SIGINT";
            case 134 -> "aborted (SIGABRT)";
            case 139 -> "crashed (SIGSEGV)";
            default -> code > 128 && code < 160 ? "killed by signal " + (code - 128) : "exit code " + code;
        };
    }

    public synchronized void stop() {
        if (process == null) {
            registry.stop(name, marker);
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        // What this process started and is no longer a descendant of it (its launcher script was killed).
        registry.stop(name, marker);
        process = null;
    }

    /** SIGKILL, no grace: what a crash looks like to everyone else (fault tests). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.forget(process.pid());
        descendants.forEach(d -> registry.forget(d.pid()));
    }

    @Override
    public void close() {
        stop();
    }
}
