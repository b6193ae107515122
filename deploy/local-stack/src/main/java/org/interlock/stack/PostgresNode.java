package org.interlock.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.interlock.stack.process.ProcessIdentity;
import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.process.StopSignal;
import org.interlock.stack.supervision.Component;

/**
 * A real PostgreSQL server from the binaries packaged in Maven Central, with its data directory
 * kept between starts. Stopping and starting it again on the same port is how tests show that
 * the services survive a database outage.
 *
 * <p>{@code pg_ctl} daemonises the server: it is no child of this JVM and would outlive it. So its
 * postmaster is recorded in the {@link ProcessRegistry} (stopped by the watchdog if this JVM is
 * killed), and a start first stops a server that a killed run left on the same data directory.
 */
public final class PostgresNode implements Component, AutoCloseable {

    public static final String USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path directory;
    private final Path binaries;
    private final int port;
    private final ProcessRegistry registry;
    private EmbeddedPostgres server;
    private ProcessIdentity postmaster;

    /**
     * @param directory where the cluster keeps its data
     * @param binaries  where the packaged binaries are unpacked; shared and kept outside
     *                  {@code target/} so that {@code mvn clean} does not force a new unpack
     */
    public PostgresNode(Path directory, Path binaries, int port, ProcessRegistry registry) {
        this("postgres", directory, binaries, port, registry);
    }

    /** @param name the component's name, such as {@code abroad-postgres} for the second deployment's server */
    public PostgresNode(String name, Path directory, Path binaries, int port, ProcessRegistry registry) {
        this.name = name;
        this.directory = directory.toAbsolutePath().normalize();
        this.binaries = binaries;
        this.port = port;
        this.registry = registry;
    }

    @Override
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Where the server writes its log. */
    public Path logFile() {
        return directory.resolve("postgres.log");
    }

    @Override
    public synchronized void start() {
        if (server != null && alive()) {
            return;
        }
        if (server != null) {
            forgetCrashed();
        }
        try {
            Files.createDirectories(dataDirectory());
            Files.createDirectories(binaries);
            stopLeftOver();
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setServerConfig("max_connections", "300")
                    // The packaged defaults trade durability for speed; Interlock never does.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            postmaster = runningPostmaster().orElseThrow(
                    () -> new IllegalStateException("PostgreSQL started but wrote no postmaster.pid"));
            registry.record(name(), postmaster.pid(), dataDirectory().toString(), StopSignal.INT);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not start in " + directory + "; see " + logFile(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        } finally {
            server = null;
            // pg_ctl gives up after 5 s; whatever still runs is stopped with the registry's grace.
            registry.stop(name(), dataDirectory().toString());
            postmaster = null;
        }
    }

    /** SIGKILL to the postmaster: a crash, as the fault tests want it. */
    @Override
    public synchronized void kill() {
        if (postmaster != null) {
            ProcessHandle.of(postmaster.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public synchronized boolean alive() {
        return postmaster != null && postmaster.alive();
    }

    @Override
    public synchronized long pid() {
        return alive() ? postmaster.pid() : 0;
    }

    @Override
    public synchronized String exitReason() {
        if (postmaster == null) {
            return "not started";
        }
        // The postmaster is pg_ctl's child, not ours: its exit status is not ours to read.
        return alive() ? "running" : "postmaster " + postmaster.pid() + " gone";
    }

    /** A server that died on its own: release its lock file and registration before starting anew. */
    private void forgetCrashed() {
        try {
            server.close(); // its pg_ctl stop finds no server; it releases the data directory's lock
        } catch (IOException e) {
            // nothing runs to be stopped
        }
        server = null;
        if (postmaster != null) {
            registry.forget(postmaster.pid());
            postmaster = null;
        }
    }

    /**
     * Stops a postmaster still serving this data directory when no live process holds the
     * directory's lock: one left by a run that was killed (also by one from before the registry).
     */
    private void stopLeftOver() throws IOException {
        Optional<ProcessIdentity> left = runningPostmaster();
        if (left.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory().resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // a live process uses this directory; starting will say so
            }
            registry.record(name(), left.get().pid(), dataDirectory().toString(), StopSignal.INT);
            registry.stop(name(), dataDirectory().toString());
            System.err.println("[stack] stopped a PostgreSQL (pid " + left.get().pid() + ") left running on "
                    + dataDirectory() + " by a killed run");
        } catch (OverlappingFileLockException e) {
            // this JVM holds it: not a leftover
        }
    }

    /** The postmaster named by {@code postmaster.pid}, if it runs and serves this data directory. */
    private Optional<ProcessIdentity> runningPostmaster() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessIdentity.of(Long.parseLong(lines.get(0).trim()))
                    .filter(p -> p.commandLine().map(c -> c.contains(dataDirectory().toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    /**
     * Creates a login role and a database it owns, unless they exist: one per service and one
     * for the gateway, so that no application connects as the superuser.
     */
    public void ensureDatabase(String name) {
        ensureDatabase(name, null);
    }

    /**
     * As {@link #ensureDatabase(String)}, plus a second login role that owns nothing
     * ({@code runtimeRole}, may be null): the application runs as it, with only what the owner's
     * migrations grant it (the gateway's audit trail: read and append, never change).
     */
    public void ensureDatabase(String name, String runtimeRole) {
        safeName(name);
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            ensureRole(s, name);
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            if (runtimeRole != null) {
                ensureRole(s, safeName(runtimeRole));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private static void ensureRole(Statement s, String role) throws SQLException {
        if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            s.execute("CREATE ROLE " + role + " LOGIN");
        }
    }

    private static String safeName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a safe database or role name: " + name);
        }
        return name;
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
    }
}
