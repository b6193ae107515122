package org.interlock.stack.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How {@code deploy/stack restart <component>} reaches the running launcher: a request file in
 * {@code <data>/control/} (mode 0700, like the data it sits beside), answered by a reply file of
 * the same name. No port is opened, so nothing new is reachable from the network or by other
 * users of the machine; whoever may write there may already delete the stack's data. A request
 * is one line, {@code restart <component>}, with a component the stack runs: nothing in it is
 * executed or used as a path.
 *
 * <p>Reply: {@code ok <milliseconds until ready again>} or {@code error <reason>}.
 */
public final class ControlRequests implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long MAX_REQUEST_BYTES = 256;

    private final Path directory;
    private final Supervisor supervisor;
    private final Consumer<String> log;
    private final UserPrincipal owner;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "control-requests");
        t.setDaemon(true);
        return t;
    });

    public ControlRequests(Path directory, Supervisor supervisor, Consumer<String> log) {
        this.directory = directory;
        this.supervisor = supervisor;
        this.log = log;
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> stale = Files.list(directory)) {
                for (Path file : stale.toList()) {
                    Files.delete(file); // requests to a launcher that is gone are not this one's to answer
                }
            }
            this.owner = Files.getOwner(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
    }

    public void listen() {
        poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private void poll() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path request : files.filter(f -> f.getFileName().toString().endsWith(".request")).toList()) {
                take(request);
            }
        } catch (IOException | RuntimeException e) {
            log.accept("control: " + e.getMessage());
        }
    }

    private void take(Path request) throws IOException {
        String id = request.getFileName().toString().replaceFirst("\\.request$", "");
        String line;
        try {
            if (!Files.isRegularFile(request, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(request, LinkOption.NOFOLLOW_LINKS).equals(owner)
                    || Files.size(request) > MAX_REQUEST_BYTES) {
                Files.deleteIfExists(request);
                return;
            }
            line = Files.readString(request).trim();
        } finally {
            Files.deleteIfExists(request);
        }
        Thread.ofPlatform().daemon().name("control-" + id).start(() -> reply(id, answer(line)));
    }

    private String answer(String line) {
        List<String> words = List.of(line.split("\\s+"));
        if (words.size() != 2 || !words.get(0).equals("restart")) {
            return "error unknown request (expected: restart <component>)";
        }
        String component = words.get(1);
        if (!supervisor.names().contains(component)) {
            return "error no component '" + component + "' (" + String.join(", ", supervisor.names()) + ")";
        }
        log.accept("restarting " + component + " on request");
        try {
            Duration took = supervisor.restart(component);
            log.accept(component + " restarted on request, ready in " + took.toMillis() + " ms");
            return "ok " + took.toMillis();
        } catch (RuntimeException e) {
            return "error " + e.getMessage();
        }
    }

    private void reply(String id, String answer) {
        Path reply = directory.resolve(id + ".reply");
        Path partial = directory.resolve(id + ".reply.partial");
        try {
            Files.writeString(partial, answer.replace('\n', ' ') + "\n");
            Files.move(partial, reply, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.accept("control: cannot reply to " + id + ": " + e.getMessage());
        }
    }
}
