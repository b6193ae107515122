package org.interlock.stack.supervision;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.interlock.stack.ChildProcess;
import org.interlock.stack.process.ProcessRegistry;

/** A stand-in component: a shell command run as a child process, ready as soon as it runs. */
final class SleepComponent implements Component {

    private final String name;
    private final ChildProcess process;

    SleepComponent(String name, String shellCommand, Path directory, ProcessRegistry registry) {
        this.name = name;
        String marker = "interlock-test-" + name + "-" + System.nanoTime();
        // The marker rides along as the shell's $0, so the command line names it.
        this.process = new ChildProcess(name, List.of("sh", "-c", shellCommand, marker), Map.of(), directory,
                directory.resolve(name + ".log"), registry, marker);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public boolean alive() {
        return process.alive();
    }

    @Override
    public long pid() {
        return process.servingPid();
    }

    @Override
    public String exitReason() {
        return process.exitReason();
    }
}
