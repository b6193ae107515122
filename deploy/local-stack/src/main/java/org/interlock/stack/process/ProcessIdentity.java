package org.interlock.stack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One process, told apart from any later process that is given the same pid: its pid and its
 * start time in clock ticks since boot (field 22 of {@code /proc/<pid>/stat}). Linux only, as
 * the stack is.
 */
public record ProcessIdentity(long pid, long startTicks) {

    /** The process that has this pid now, if one runs (a zombie does not: it only waits to be reaped). */
    public static Optional<ProcessIdentity> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String state = fields[0];
            if (state.equals("Z") || state.equals("X")) {
                return Optional.empty();
            }
            return Optional.of(new ProcessIdentity(pid, Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static ProcessIdentity current() {
        return of(ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("Cannot read /proc/self/stat: Linux only"));
    }

    /** Whether this very process still runs: same pid and same start time. */
    public boolean alive() {
        return of(pid).map(this::equals).orElse(false);
    }

    /** Its command line, arguments separated by spaces; empty once it is gone. */
    public Optional<String> commandLine() {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return pid + "@" + startTicks;
    }

    static ProcessIdentity parse(String text) {
        int at = text.indexOf('@');
        return new ProcessIdentity(Long.parseLong(text.substring(0, at)), Long.parseLong(text.substring(at + 1)));
    }
}
