package org.interlock.stack;

import java.time.Duration;

import org.interlock.stack.supervision.Component;

/** An Interlock application of the stack as the supervisor sees it: its process, ready once its health says so. */
final class ApplicationServer implements Component {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Application application;
    private final ChildProcess process;

    ApplicationServer(Application application, ChildProcess process) {
        this.application = application;
        this.process = process;
    }

    Application application() {
        return application;
    }

    @Override
    public String name() {
        return application.component();
    }

    @Override
    public void start() {
        if (process.alive()) {
            return;
        }
        process.start();
        Readiness.await(application.component(), application.readinessUrl(), START_TIMEOUT, process::alive,
                process.logFile().toString());
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
