package org.interlock.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP load from a fixed set of workers, each with its own kept-alive connection ({@link
 * KeepAliveConnection}):
 * <ul>
 *   <li>{@link #closed}: each worker sends its next request as soon as the last is answered (what a
 *       component sustains with that many concurrent clients);</li>
 *   <li>{@link #open}: requests are due at a fixed rate whatever the answers' latency, and each
 *       latency runs from when the request was due, so that a stalled server is not hidden by the
 *       workers waiting on it (no coordinated omission); a rate the workers cannot keep shows as
 *       latency, never as fewer requests.</li>
 * </ul>
 */
final class LoadPhase {

    /** One request on the worker's connection; {@code dueMillis} is when it was due (epoch ms). */
    interface Call {
        int call(KeepAliveConnection connection, long index, long dueMillis) throws IOException;
    }

    /** What a phase measured: answers by status, latencies of the 2xx ones, how long it ran. */
    record Result(Map<Integer, Long> statuses, long failed, Latencies latencies, double seconds) {

        long ok() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
        }

        double perSecond() {
            return ok() / seconds;
        }

        /** Everything that was not a 2xx answer: statuses and failures to connect or read. */
        String problems() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((status, count) -> {
                if (status / 100 != 2) {
                    text.append(text.isEmpty() ? "" : ", ").append(count).append(" x ").append(status);
                }
            });
            if (failed > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(failed).append(" I/O failures");
            }
            return text.isEmpty() ? "none" : text.toString();
        }
    }

    private LoadPhase() {
    }

    /** {@code workers} clients in a closed loop: a warm-up, then {@code length} measured. */
    static Result closed(URI base, int workers, Duration warmUp, Duration length, Call call) throws InterruptedException {
        Counters counters = new Counters();
        AtomicLong index = new AtomicLong();
        long warmUpEnds = System.nanoTime() + warmUp.toNanos();
        long ends = warmUpEnds + length.toNanos();
        run(workers, base, counters, connection -> {
            while (true) {
                long begin = System.nanoTime();
                if (begin >= ends) {
                    return;
                }
                counters.record(begin >= warmUpEnds, call, connection, index.getAndIncrement(), begin,
                        System.currentTimeMillis());
            }
        });
        return counters.result(length.toNanos() / 1e9);
    }

    /** {@code rate} requests per second for {@code length}, spread over {@code workers} connections. */
    static Result open(URI base, int workers, double rate, Duration length, Call call) throws InterruptedException {
        Counters counters = new Counters();
        AtomicLong next = new AtomicLong();
        long total = (long) (rate * length.toNanos() / 1e9);
        long start = System.nanoTime() + 50_000_000L;
        long startMillis = System.currentTimeMillis() + 50;
        run(workers, base, counters, connection -> {
            for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long offset = (long) (i * 1e9 / rate);
                long due = start + offset;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                counters.record(true, call, connection, i, due, startMillis + offset / 1_000_000);
            }
        });
        // Until the last answer: a server that fell behind took longer than the phase to answer it.
        return counters.result(Math.max(length.toNanos(), System.nanoTime() - start) / 1e9);
    }

    private interface Worker {
        void work(KeepAliveConnection connection) throws InterruptedException;
    }

    private static void run(int workers, URI base, Counters counters, Worker worker) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name("load-" + w).start(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
                    worker.work(connection);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                counters.done();
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Per-worker latencies (merged at the end) and shared counts by status. */
    private static final class Counters {
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final LongAdder failed = new LongAdder();
        private final ThreadLocal<Latencies> mine = ThreadLocal.withInitial(Latencies::new);
        private final List<Latencies> all = new java.util.concurrent.CopyOnWriteArrayList<>();

        void record(boolean measured, Call call, KeepAliveConnection connection, long index, long dueNanos,
                long dueMillis) {
            int status;
            try {
                status = call.call(connection, index, dueMillis);
            } catch (IOException | RuntimeException e) {
                connection.close();
                if (measured) {
                    failed.increment();
                }
                return;
            }
            if (measured) {
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                if (status / 100 == 2) {
                    mine.get().add((System.nanoTime() - dueNanos) / 1_000);
                }
            }
        }

        void done() {
            all.add(mine.get());
        }

        Result result(double seconds) {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(status, count.sum()));
            return new Result(counts, failed.sum(), Latencies.merged(all), seconds);
        }
    }
}
