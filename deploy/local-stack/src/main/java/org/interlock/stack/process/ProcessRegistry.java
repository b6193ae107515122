package org.interlock.stack.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Every server process that a JVM (the stack's launcher, a test JVM) started, recorded as one
 * file under a directory, so that none outlives it: this JVM's {@link Watchdog} stops them if the
 * JVM is killed, and the next JVM to open the directory stops whatever a killed run left when its
 * watchdog could not (it was killed too). A recorded process is only ever stopped while it is the
 * very process recorded (same pid, same start time) and its command line still names what it
 * serves, so an unrelated process that was given a recycled pid is never touched.
 */
public final class ProcessRegistry {

    /** How long a recorded process has to stop after its polite signal, before SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(15);

    private static final Map<Path, ProcessRegistry> OPEN = new HashMap<>();

    private final Path directory;
    private final ProcessIdentity owner;

    ProcessRegistry(Path directory, ProcessIdentity owner) {
        this.directory = directory;
        this.owner = owner;
    }

    /**
     * This JVM's registry in {@code directory}: the first call stops what killed runs left there
     * and starts the watchdog that will stop what this JVM starts, should it be killed.
     */
    public static synchronized ProcessRegistry open(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        ProcessRegistry registry = OPEN.get(key);
        if (registry == null) {
            registry = new ProcessRegistry(key, ProcessIdentity.current());
            registry.createDirectory();
            for (Registration orphan : registry.stopOrphans()) {
                log("stopped " + orphan.component() + " (pid " + orphan.process().pid() + "), left running by "
                        + "a killed run (pid " + orphan.owner().pid() + ")");
            }
            Watchdog.start(registry);
            OPEN.put(key, registry);
        }
        return registry;
    }

    public Path directory() {
        return directory;
    }

    public ProcessIdentity owner() {
        return owner;
    }

    /**
     * Records a process this JVM started.
     *
     * @param marker a text its command line must contain for it ever to be stopped as ours
     *               (a data directory, a jar): a second guard beside the start time
     */
    public void record(String component, long pid, String marker, StopSignal signal) {
        ProcessIdentity.of(pid).ifPresent(process -> record(component, process, marker, signal));
    }

    void record(String component, ProcessIdentity process, String marker, StopSignal signal) {
        write(new Registration(component, process, marker, signal, owner));
    }

    /** Forgets a process that stopped. */
    public void forget(long pid) {
        entries().filter(r -> r.owner().equals(owner) && r.process().pid() == pid).forEach(this::delete);
    }

    /**
     * Stops every process this JVM recorded for a component with this marker: what a server left
     * when it stopped or crashed (the JVM that Keycloak's launcher script ran, a postmaster).
     */
    public void stop(String component, String marker) {
        stop(entries().filter(r -> r.owner().equals(owner) && r.component().equals(component)
                && r.marker().equals(marker)).toList());
    }

    /** What the watchdog does once its owner is gone: stops everything the owner recorded. */
    List<Registration> stopOwnedBy(ProcessIdentity deadOwner) {
        return stop(entries().filter(r -> r.owner().equals(deadOwner)).toList());
    }

    /** Stops what owners that no longer run recorded; returns what was still running and was stopped. */
    public List<Registration> stopOrphans() {
        return stop(entries().filter(r -> !r.owner().alive()).toList());
    }

    /** Everything recorded, by any owner. */
    public List<Registration> registrations() {
        return entries().toList();
    }

    private List<Registration> stop(List<Registration> registrations) {
        List<Registration> signalled = new ArrayList<>();
        for (Registration registration : registrations) {
            if (registration.stillRunsAsRecorded()) {
                registration.signal().send(registration.process().pid());
                signalled.add(registration);
            } else {
                delete(registration);
            }
        }
        Instant deadline = Instant.now().plus(GRACE);
        while (signalled.stream().anyMatch(r -> r.process().alive()) && Instant.now().isBefore(deadline)) {
            pause();
        }
        for (Registration registration : signalled) {
            if (registration.stillRunsAsRecorded()) {
                ProcessHandle.of(registration.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            delete(registration);
        }
        return signalled;
    }

    private Stream<Registration> entries() {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".proc")).toList().stream()
                    .flatMap(f -> read(f).stream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private List<Registration> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return List.of(new Registration(p.getProperty("component"), ProcessIdentity.parse(p.getProperty("process")),
                    p.getProperty("marker"), StopSignal.valueOf(p.getProperty("signal")),
                    ProcessIdentity.parse(p.getProperty("owner"))));
        } catch (IOException | RuntimeException e) {
            return List.of(); // deleted meanwhile by another sweep, or half-written: not ours to act on
        }
    }

    private void write(Registration registration) {
        Properties p = new Properties();
        p.setProperty("component", registration.component());
        p.setProperty("process", registration.process().toString());
        p.setProperty("marker", registration.marker());
        p.setProperty("signal", registration.signal().name());
        p.setProperty("owner", registration.owner().toString());
        Path file = file(registration);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            createDirectory();
            try (Writer out = Files.newBufferedWriter(partial)) {
                p.store(out, "a process started by pid " + owner.pid());
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record " + registration.component() + " in " + directory, e);
        }
    }

    private void delete(Registration registration) {
        try {
            Files.deleteIfExists(file(registration));
        } catch (IOException e) {
            log("could not delete " + file(registration) + ": " + e.getMessage());
        }
    }

    private Path file(Registration r) {
        return directory.resolve(r.owner().pid() + "-" + r.component() + "-" + r.process().pid() + ".proc");
    }

    private void createDirectory() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping processes", e);
        }
    }

    static void log(String line) {
        System.err.println("[processes] " + line);
        System.err.flush();
    }

    /** One recorded process: which component it serves, who started it, how to stop it politely. */
    public record Registration(String component, ProcessIdentity process, String marker, StopSignal signal,
            ProcessIdentity owner) {

        /** The recorded process itself, still serving what it served: the only one ever signalled. */
        boolean stillRunsAsRecorded() {
            return process.alive() && process.commandLine().map(line -> line.contains(marker)).orElse(false);
        }
    }
}
