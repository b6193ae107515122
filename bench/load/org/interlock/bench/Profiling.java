package org.interlock.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * With BENCH_PROFILE=1, a JFR recording (settings "profile": CPU samples, allocations, locks,
 * socket and file I/O) of the named processes during one measured phase, started and stopped with
 * jcmd so that the stack runs unchanged and nothing but the phase is recorded. Each file's path is
 * printed as a {@code PROFILE|} line, which bench/run lists under its table. Without the switch,
 * it does nothing.
 */
final class Profiling implements AutoCloseable {

    private static final boolean ON = "1".equals(System.getenv("BENCH_PROFILE"));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<Recording> recordings = new ArrayList<>();

    private record Recording(long pid, String name, Path file) {
    }

    /** Starts recording {@code processes} (names of BENCH_PIDS) for the phase. */
    static Profiling phase(String phase, String... processes) {
        Profiling profiling = new Profiling();
        if (!ON) {
            return profiling;
        }
        Path dir = Path.of(System.getenv().getOrDefault("BENCH_PROFILE_DIR", ".interlock/bench-profiles"));
        Map<String, Long> pids = BenchPids.all();
        String stamp = LocalDateTime.now().format(STAMP);
        for (String process : processes) {
            Long pid = pids.get(process);
            if (pid == null) {
                continue;
            }
            Path file = dir.resolve(stamp + "-" + phase + "-" + process + ".jfr").toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create " + dir, e);
            }
            if (jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file)) {
                profiling.recordings.add(new Recording(pid, process, file));
            }
        }
        return profiling;
    }

    /** Stops the recordings, which writes their files. */
    @Override
    public void close() {
        for (Recording recording : recordings) {
            if (jcmd(recording.pid(), "JFR.stop", "name=bench")) {
                System.out.println("PROFILE|" + recording.name() + "|" + recording.file());
            }
        }
        recordings.clear();
    }

    private static boolean jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0) {
                System.err.println("jcmd " + pid + " " + String.join(" ", command) + " failed");
            }
            return process.exitValue() == 0;
        } catch (java.io.IOException e) {
            System.err.println("jcmd not run: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
