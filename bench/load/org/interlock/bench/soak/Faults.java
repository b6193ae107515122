package org.interlock.bench.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults: one component at a time, at a random (seeded) moment, killed with SIGKILL — the pid
 * the supervisor shows in {@code stack.status} for it, the process that serves — then the wait
 * until the supervisor shows it ready again under a new pid, and until a REST write succeeds again.
 * Rounds go through every component in a seeded order, and go on while there is time.
 */
final class Faults {

    static final List<String> COMPONENTS = List.of("kafka", "prisons", "gateway", "postgres", "keycloak");

    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(3);
    /** Requests still failing shortly after the load came back belong to the fault. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** One component's line in stack.status. */
    record Status(String name, long pid, String state, int restarts) {
    }

    /** What one fault did: failed requests while it lasted, per kind, and the times to recover. */
    record Fault(String component, long pid, long killedAtMillis, long readyMillis, long loadMillis,
            int restartsBefore, int restartsAfter, Map<String, long[]> requests) {
        boolean recovered() {
            return readyMillis >= 0 && loadMillis >= 0 && restartsAfter > restartsBefore;
        }
    }

    final List<Fault> done = new ArrayList<>();
    final Set<Long> pidsSeen = ConcurrentHashMap.newKeySet();

    private final Path statusFile;
    private final String gatewayReady;
    private final Load load;
    private final Random random;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    Faults(Path statusFile, String gateway, Load load, long seed) {
        this.statusFile = statusFile;
        this.gatewayReady = gateway + "/q/health/ready";
        this.load = load;
        this.random = new Random(seed);
    }

    /**
     * Every component once, in a seeded order, then more rounds while the next fault would still
     * end before {@code lastKillBy}; a gap of 5-20 s (seeded) before each kill.
     */
    void run(long lastKillByMillis) {
        List<String> round = new ArrayList<>();
        int killed = 0;
        while (true) {
            if (round.isEmpty()) {
                round.addAll(COMPONENTS);
                Collections.shuffle(round, random);
            }
            long gap = 5_000 + random.nextInt(15_000);
            boolean allOnce = killed >= COMPONENTS.size();
            if (allOnce && System.currentTimeMillis() + gap > lastKillByMillis) {
                return;
            }
            Persona.pause(Duration.ofMillis(gap));
            done.add(inject(round.removeFirst()));
            killed++;
        }
    }

    private Fault inject(String component) {
        // One fault at a time: the component (and every other) is up before it is killed.
        long deadline = System.currentTimeMillis() + READY_LIMIT.toMillis();
        while (System.currentTimeMillis() < deadline
                && !(status().values().stream().allMatch(s -> s.state().equals("ready") && s.pid() != 0)
                        && gatewayReady())) {
            Persona.pause(Duration.ofMillis(500));
        }
        Status before = status().get(component);
        if (before == null || before.pid() == 0 || !before.state().equals("ready")) {
            throw new IllegalStateException(component + " is not ready before its fault: " + before);
        }
        Map<String, long[]> atKill = snapshot();
        long killedAt = System.currentTimeMillis();
        ProcessHandle.of(before.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL on Linux
        say(String.format("killed %s (pid %d) with SIGKILL at +%d s", component, before.pid(), elapsed(killedAt)));
        long ready = awaitReady(component, before.pid(), killedAt);
        long loadBack = awaitLoad(Math.max(killedAt, ready < 0 ? killedAt : killedAt + ready));
        Persona.pause(GRACE);
        Map<String, long[]> after = snapshot();
        Map<String, long[]> during = new LinkedHashMap<>();
        atKill.forEach((kind, s) -> during.put(kind, new long[] {after.get(kind)[0] - s[0], after.get(kind)[1] - s[1]}));
        Status now = status().get(component);
        Fault fault = new Fault(component, before.pid(), killedAt, ready, loadBack < 0 ? -1 : loadBack - killedAt,
                before.restarts(), now == null ? before.restarts() : now.restarts(), during);
        say(String.format("%s ready again after %.1f s (new pid %d), writes succeed again after %.1f s",
                component, ready / 1e3, now == null ? 0 : now.pid(), fault.loadMillis() / 1e3));
        return fault;
    }

    /** The gateway answers ready: its database, Kafka and views are back after the last fault. */
    private boolean gatewayReady() {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayReady))
                    .timeout(Duration.ofSeconds(3)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Milliseconds from the kill until the supervisor shows the component ready under a new pid; -1: never. */
    private long awaitReady(String component, long killedPid, long killedAt) {
        long deadline = killedAt + READY_LIMIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Status s = status().get(component);
            if (s != null && s.state().equals("ready") && s.pid() != 0 && s.pid() != killedPid) {
                return System.currentTimeMillis() - killedAt;
            }
            Persona.pause(Duration.ofMillis(200));
        }
        return -1;
    }

    /** When a REST write succeeded after {@code since}; -1: not within the limit. */
    private long awaitLoad(long since) {
        long deadline = System.currentTimeMillis() + LOAD_LIMIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            long ok = load.lastWriteOkMillis.get();
            if (ok > since) {
                return ok;
            }
            Persona.pause(Duration.ofMillis(100));
        }
        return -1;
    }

    private Map<String, long[]> snapshot() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        load.counts.forEach((kind, c) -> counts.put(kind, c.snapshot()));
        return counts;
    }

    /** stack.status as the supervisor last wrote it (replaced whole, never half written). */
    Map<String, Status> status() {
        Map<String, Status> components = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(statusFile);
        } catch (NoSuchFileException e) {
            return components;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            long pid = f[1].equals("-") ? 0 : Long.parseLong(f[1]);
            if (pid != 0) {
                pidsSeen.add(pid);
            }
            components.put(f[0], new Status(f[0], pid, f[2], Integer.parseInt(f[3])));
        }
        return components;
    }

    private final long startedAt = System.currentTimeMillis();

    private long elapsed(long at) {
        return (at - startedAt) / 1000;
    }

    static void say(String line) {
        System.out.println("[soak] " + line);
        System.out.flush();
    }
}
