package org.interlock.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.interlock.stack.process.ProcessRegistry;
import org.interlock.stack.supervision.Component;

/**
 * A real Keycloak, unpacked from the {@code keycloak-quarkus-dist} zip that Maven resolved, run
 * in development mode with the Interlock realm imported (and, for {@code up --federation}, the second
 * deployment's realm beside it). The unpacked, built server is kept between runs: the first start
 * builds it (30-40 s), later starts take about 15 s.
 */
public final class KeycloakNode implements Component, AutoCloseable {

    public static final String REALM = "interlock";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final List<Path> realmFiles;
    private final int port;
    private final int managementPort;
    private final boolean freshRealm;
    private final ProcessRegistry registry;
    private ChildProcess process;

    /**
     * @param home       where the server is unpacked and keeps its state
     * @param freshRealm drop the stored realm before starting, so the import is the file's content
     */
    public KeycloakNode(Path home, Path realmFile, int port, int managementPort, boolean freshRealm,
            ProcessRegistry registry) {
        this(home, List.of(realmFile), port, managementPort, freshRealm, registry);
    }

    /** @param realmFiles the realms to import, each file named after its realm; the first is {@value #REALM} */
    public KeycloakNode(Path home, List<Path> realmFiles, int port, int managementPort, boolean freshRealm,
            ProcessRegistry registry) {
        this.home = home.toAbsolutePath().normalize();
        this.registry = registry;
        this.realmFiles = List.copyOf(realmFiles);
        this.port = port;
        this.managementPort = managementPort;
        this.freshRealm = freshRealm;
    }

    @Override
    public String name() {
        return "keycloak";
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return issuer(REALM);
    }

    /** The issuer of one of the realms it serves. */
    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    @Override
    public synchronized void start() {
        if (process != null && process.alive()) {
            return;
        }
        if (process != null) {
            process.stop(); // what a crashed server left, such as its JVM when the script was killed
        }
        Path server = unpackOnce();
        prepareImport(server);
        process = new ChildProcess("keycloak",
                List.of(server.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + port,
                        "--http-management-port=" + managementPort, "--import-realm"),
                Map.of("JAVA_HOME", Jdk.home(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                server, home.resolve("keycloak.log"), registry, home.toString());
        process.start();
        try {
            Readiness.await("Keycloak", issuer() + "/.well-known/openid-configuration", START_TIMEOUT,
                    process::alive, process.logFile().toString());
        } finally {
            // kc.sh runs the server's JVM beside it: recorded too, so it never outlives this JVM.
            process.recordDescendants();
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public synchronized boolean alive() {
        return process != null && process.alive();
    }

    @Override
    public synchronized long pid() {
        return process == null ? 0 : process.servingPid();
    }

    @Override
    public synchronized String exitReason() {
        return process == null ? "not started" : process.exitReason();
    }

    @Override
    public void close() {
        stop();
    }

    /** The bootstrap admin password: random, made once per installation, readable by its owner only. */
    public String adminPassword() {
        Path file = home.resolve("admin-password");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[18];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(home);
                Files.writeString(file, HexFormat.of().formatHex(secret));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the Keycloak admin password in " + file, e);
        }
    }

    private Path unpackOnce() {
        Properties build = StackProperties.load();
        Path server = home.resolve("keycloak-" + build.getProperty("keycloak.version"));
        if (Files.exists(server.resolve("bin/kc.sh"))) {
            return server;
        }
        Path zip = Path.of(build.getProperty("keycloak.dist.zip"));
        Path partial = home.resolve("unpacking");
        try {
            deleteTree(partial);
            unzip(zip, partial);
            try (var entries = Files.list(partial)) {
                Path top = entries.findFirst().orElseThrow(() -> new IOException("empty archive " + zip));
                Files.move(top, server, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(partial);
            try (var scripts = Files.list(server.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    script.toFile().setExecutable(true);
                }
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack Keycloak from " + zip, e);
        }
    }

    /**
     * Keycloak imports a realm only if it does not have it yet: stored realms older than the files
     * (new clients, roles or personas), or another set of realms (a run with or without
     * {@code --federation} after the other), are dropped, so the files are imported afresh.
     */
    private void prepareImport(Path server) {
        try {
            Path importedDigest = home.resolve("imported-realm.sha256");
            List<String> digests = new ArrayList<>();
            for (Path realmFile : realmFiles) {
                digests.add(sha256(realmFile));
            }
            String digest = String.join(",", digests);
            boolean changed = !Files.exists(importedDigest) || !Files.readString(importedDigest).trim().equals(digest);
            if (freshRealm || changed) {
                deleteTree(server.resolve("data/h2"));
            }
            Path imports = server.resolve("data/import");
            deleteTree(imports);
            Files.createDirectories(imports);
            // The first keeps the name it always had, so an unchanged single realm is not imported again.
            Files.copy(realmFiles.getFirst(), imports.resolve("interlock-realm.json"));
            for (Path realmFile : realmFiles.subList(1, realmFiles.size())) {
                Files.copy(realmFile, imports.resolve(realmFile.getFileName()));
            }
            Files.writeString(importedDigest, digest);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stage the realms " + realmFiles, e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
