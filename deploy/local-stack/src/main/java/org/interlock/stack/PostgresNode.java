package org.interlock.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries packaged in Maven Central, with its data directory
 * kept between starts. Stopping and starting it again on the same port is how tests show that
 * the services survive a database outage.
 */
public final class PostgresNode implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path directory;
    private final Path binaries;
    private final int port;
    private EmbeddedPostgres server;

    /**
     * @param directory where the cluster keeps its data
     * @param binaries  where the packaged binaries are unpacked; shared and kept outside
     *                  {@code target/} so that {@code mvn clean} does not force a new unpack
     */
    public PostgresNode(Path directory, Path binaries, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(directory.resolve("data"));
            Files.createDirectories(binaries);
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("max_connections", "300")
                    // The packaged defaults trade durability for speed; Interlock never does.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not start in " + directory, e);
        }
    }

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
        }
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
