package org.interlock.stack.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.interlock.stack.supervision.ComponentStatus.State;

/**
 * Starts the stack's components, and once {@link #watch() watching}, starts again any that dies,
 * with back-off ({@link RestartPolicy}); one that keeps dying is reported as failed and left down.
 * Any component can also be restarted on purpose ({@link #restart(String)}). Every change of
 * state is passed to a listener (the launcher writes it to {@code stack.status}).
 */
public final class Supervisor implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(250);

    private final Map<String, Supervised> components = new LinkedHashMap<>();
    private final RestartPolicy policy;
    private final Consumer<List<ComponentStatus>> listener;
    private final Consumer<String> log;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "supervisor"));
    private final ExecutorService starters = Executors.newCachedThreadPool(r -> daemon(r, "supervisor-start"));
    private volatile boolean stopping;

    public Supervisor(List<? extends Component> components, RestartPolicy policy,
            Consumer<List<ComponentStatus>> listener, Consumer<String> log) {
        components.forEach(c -> this.components.put(c.name(), new Supervised(c)));
        this.policy = policy;
        this.listener = listener;
        this.log = log;
    }

    /** Starts these components side by side and returns once all are ready; throws if one cannot start. */
    public void start(List<? extends Component> stage) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Component component : stage) {
            Supervised s = supervised(component.name());
            starts.add(CompletableFuture.runAsync(() -> {
                component.start();
                s.ready(component.pid());
                changed();
            }, starters));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** From now on, a component that dies is started again. */
    public void watch() {
        scheduler.scheduleWithFixedDelay(this::check, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Restarts one component on purpose, also one reported as failed; returns once it is ready again. */
    public Duration restart(String name) {
        Supervised s = supervised(name);
        if (!s.beginRestart("restarted on request", true)) {
            throw new IllegalStateException(name + " is restarting already; see deploy/stack status");
        }
        changed();
        long begin = System.nanoTime();
        attempt(s);
        if (s.status().state() != State.READY) {
            throw new IllegalStateException(name + " did not start again: " + s.status().lastExit());
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    public List<ComponentStatus> status() {
        return components.values().stream().map(Supervised::status).toList();
    }

    public List<String> names() {
        return List.copyOf(components.keySet());
    }

    /** Stops every component, last started first, and restarts nothing any more. */
    public void stopAll() {
        stopping = true;
        scheduler.shutdownNow();
        List<Supervised> reversed = new ArrayList<>(components.values());
        java.util.Collections.reverse(reversed);
        for (Supervised s : reversed) {
            try {
                s.component.stop();
            } catch (RuntimeException e) {
                log.accept(s.component.name() + " did not stop cleanly: " + e.getMessage());
            }
            s.stopped();
        }
        starters.shutdownNow();
        changed();
    }

    @Override
    public void close() {
        stopAll();
    }

    private void check() {
        try {
            for (Supervised s : components.values()) {
                checkOne(s);
            }
        } catch (RuntimeException e) {
            log.accept("supervisor: " + e);
        }
    }

    private void checkOne(Supervised s) {
        if (stopping) {
            return;
        }
        if (s.stableFor(policy.stablePeriod())) {
            s.resetAttempts();
        }
        if (s.status().state() != State.READY || s.component.alive()) {
            return;
        }
        String exit = s.component.exitReason();
        if (!s.beginRestart(exit, false)) {
            return;
        }
        s.noticedDeath();
        if (!policy.allowsAnotherAfter(s.attempts())) {
            s.failed(exit);
            log.accept(s.component.name() + " exited (" + exit + ") after " + s.attempts()
                    + " restarts in a row: FAILED, not restarted (deploy/stack restart " + s.component.name() + ")");
        } else {
            Duration delay = policy.delayBefore(s.attempts() + 1);
            log.accept(s.component.name() + " exited (" + exit + "); restarting in " + delay.toMillis() + " ms");
            scheduleAttempt(s, delay);
        }
        changed();
    }

    private void scheduleAttempt(Supervised s, Duration delay) {
        if (!stopping) {
            scheduler.schedule(() -> starters.execute(() -> attempt(s)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One start of a component in state RESTARTING; on failure, the next one is scheduled, or it has failed. */
    private void attempt(Supervised s) {
        if (stopping) {
            return;
        }
        Component c = s.component;
        s.countAttempt();
        changed();
        try {
            c.stop();
            c.start();
            if (stopping) {
                c.stop();
                return;
            }
            s.ready(c.pid());
            log.accept(c.name() + " ready again" + s.recoveryDescription() + " (restart " + s.status().restarts() + ")");
        } catch (RuntimeException e) {
            String reason = "start failed: " + e.getMessage();
            if (policy.allowsAnotherAfter(s.attempts())) {
                Duration delay = policy.delayBefore(s.attempts() + 1);
                s.retrying(reason);
                log.accept(c.name() + " " + reason + "; next attempt in " + delay.toMillis() + " ms");
                scheduleAttempt(s, delay);
            } else {
                s.failed(reason);
                log.accept(c.name() + " " + reason + ": FAILED after " + s.attempts() + " attempts in a row");
            }
        }
        changed();
    }

    private void changed() {
        try {
            listener.accept(status());
        } catch (RuntimeException e) {
            log.accept("could not publish the status: " + e.getMessage());
        }
    }

    private Supervised supervised(String name) {
        Supervised s = components.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No component " + name + " (" + String.join(", ", names()) + ")");
        }
        return s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One component's supervision state; every change under its own lock, never held while it starts. */
    private static final class Supervised {

        private final Component component;
        private State state = State.STARTING;
        private long pid;
        private int restarts;
        private int attempts;
        private String lastExit = "-";
        private long readySince;
        private long diedAt;

        Supervised(Component component) {
            this.component = component;
        }

        synchronized ComponentStatus status() {
            return new ComponentStatus(component.name(), pid, state, restarts, lastExit);
        }

        synchronized void ready(long pid) {
            this.pid = pid;
            state = State.READY;
            readySince = System.nanoTime();
        }

        /** Moves to RESTARTING, unless another restart has it already; a request also revives a failed one. */
        synchronized boolean beginRestart(String reason, boolean onRequest) {
            boolean allowed = state == State.READY || (onRequest && state == State.FAILED);
            if (allowed) {
                state = State.RESTARTING;
                lastExit = reason;
                diedAt = System.nanoTime();
                if (onRequest) {
                    attempts = 0;
                }
            }
            return allowed;
        }

        synchronized void noticedDeath() {
            pid = 0;
        }

        synchronized void countAttempt() {
            attempts++;
            restarts++;
        }

        synchronized int attempts() {
            return attempts;
        }

        synchronized void retrying(String reason) {
            lastExit = reason;
            pid = 0;
        }

        synchronized void failed(String reason) {
            state = State.FAILED;
            lastExit = reason;
            pid = 0;
        }

        synchronized void stopped() {
            state = State.STOPPED;
            pid = 0;
        }

        synchronized boolean stableFor(Duration period) {
            return state == State.READY && attempts > 0 && System.nanoTime() - readySince >= period.toNanos();
        }

        synchronized void resetAttempts() {
            attempts = 0;
        }

        synchronized String recoveryDescription() {
            return String.format(" %.1f s after it stopped", (readySince - diedAt) / 1e9);
        }
    }
}
