package org.interlock.e2e.readme;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A README snippet running as a user would run it, under coreutils {@code timeout} so that it
 * cannot outlive its bound even if this JVM dies. Its output is collected as it comes, so a test
 * can wait for a streamed event, and {@link #interrupt} stops one running command (a {@code curl -N}
 * feed, a {@code node} script) as a user's Ctrl-C would, letting the rest of the snippet go on.
 */
final class SnippetProcess implements AutoCloseable {

    /** How it ended: its exit status and what it printed. */
    record Ending(int exit, String stdout, String stderr) {
        /** For a failure message: stderr's end only (curl's progress meter fills it when stdout is a pipe). */
        String describe() {
            String tail = stderr.length() > 2000 ? "..." + stderr.substring(stderr.length() - 2000) : stderr;
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + tail;
        }
    }

    /** Exit status of a command ended by {@link #interrupt} (SIGTERM), as bash reports it. */
    static final int INTERRUPTED = 128 + 15;

    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> readers = new ArrayList<>();

    private SnippetProcess(Process process) {
        this.process = process;
        readers.add(collect(process.getInputStream(), stdout));
        readers.add(collect(process.getErrorStream(), stderr));
    }

    /** Starts {@code command} in {@code directory} with exactly {@code environment}, for at most {@code bound}. */
    static SnippetProcess start(List<String> command, Path directory, Map<String, String> environment, Duration bound)
            throws IOException {
        List<String> bounded = new ArrayList<>(List.of("timeout", "--kill-after=5", bound.toSeconds() + "s"));
        bounded.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(bounded).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new SnippetProcess(builder.start());
    }

    String stdout() {
        return stdout.toString();
    }

    boolean running() {
        return process.isAlive();
    }

    /** Ends every running {@code program} the snippet started, as Ctrl-C would, and waits until they are gone. */
    void interrupt(String program) {
        List<ProcessHandle> targets = running(program);
        targets.forEach(ProcessHandle::destroy);
        signal(targets.stream().filter(ProcessHandle::isAlive).toList(), "CONT"); // a paused one takes it now
        targets.forEach(p -> p.onExit().join());
    }

    /**
     * Freezes every running {@code program} the snippet started (SIGSTOP): it reads nothing more, as
     * a client whose connection has gone quiet, until it is interrupted.
     */
    void pause(String program) {
        signal(running(program), "STOP");
    }

    private List<ProcessHandle> running(String program) {
        List<ProcessHandle> targets = process.descendants()
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals(program))
                        .orElse(false))
                .toList();
        if (targets.isEmpty()) {
            throw new AssertionError("no " + program + " running\n" + snapshot().describe());
        }
        return targets;
    }

    private static void signal(List<ProcessHandle> targets, String signal) {
        if (targets.isEmpty()) {
            return;
        }
        List<String> kill = new ArrayList<>(List.of("kill", "-" + signal));
        targets.forEach(p -> kill.add(Long.toString(p.pid())));
        try {
            new ProcessBuilder(kill).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the snippet to end by itself within {@code patience}; kills it and fails otherwise. */
    Ending awaitEnd(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("the snippet did not end within " + patience + "\n" + snapshot().describe());
        }
        for (Thread reader : readers) {
            reader.join(Duration.ofSeconds(5));
        }
        return snapshot();
    }

    /** What it printed so far; exit -1 while it runs. */
    Ending snapshot() {
        return new Ending(process.isAlive() ? -1 : process.exitValue(), stdout.toString(), stderr.toString());
    }

    /** Kills whatever of it still runs. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    private static Thread collect(InputStream stream, StringBuffer into) {
        return Thread.ofVirtual().start(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException e) {
                into.append("\n[output lost: ").append(e.getMessage()).append("]");
            }
        });
    }
}
