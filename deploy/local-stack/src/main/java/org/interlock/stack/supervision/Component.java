package org.interlock.stack.supervision;

/** A part of the stack that the {@link Supervisor} starts, watches and restarts: a server or an application. */
public interface Component {

    String name();

    /** Starts it and returns once it is ready; throws when it cannot get there. Does nothing while it runs. */
    void start();

    /** Stops it cleanly, with anything it left behind. Does nothing when it is not running. */
    void stop();

    /** SIGKILL, no grace: what a crash looks like to everyone else (fault tests). */
    void kill();

    /** Whether its process still runs. */
    boolean alive();

    /** The process that serves it now, 0 when none does. */
    long pid();

    /** Once it no longer runs: why ("exit code 1", "killed by SIGKILL"). */
    String exitReason();
}
