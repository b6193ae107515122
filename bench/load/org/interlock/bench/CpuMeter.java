package org.interlock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU that each part of the stack, the load generator itself and the whole machine used during
 * a phase, in cores (1.0 = one core busy for the whole phase): what tells a saturated component
 * from a saturated generator, and a quiet machine from a busy one. The parts come from BENCH_PIDS
 * ("name=pid,..." set by bench/bench-stack.sh). PostgreSQL counts with its backends; the
 * broker is Kafka's own JVM.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private Map<String, Long> startTicks;
    private long[] startMachine;
    private long startNanos;

    CpuMeter(String... names) {
        Map<String, Long> known = BenchPids.all();
        for (String name : names) {
            if (known.containsKey(name)) {
                pids.put(name, known.get(name));
            }
        }
        pids.put("generator", ProcessHandle.current().pid());
    }

    /** Also a process of the bench's own (the plain pipe's JVM). */
    CpuMeter with(String name, long pid) {
        pids.put(name, pid);
        return this;
    }

    CpuMeter start() {
        startTicks = ticks();
        startMachine = machine();
        startNanos = System.nanoTime();
        return this;
    }

    /** Cores used per part since {@link #start()}, and {@code machine} for every process on it. */
    Map<String, Double> stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> now = ticks();
        long[] machineNow = machine();
        Map<String, Double> cores = new LinkedHashMap<>();
        now.forEach((name, t) -> cores.put(name, (t - startTicks.getOrDefault(name, t)) / TICKS_PER_SECOND / seconds));
        long busy = machineNow[0] - startMachine[0];
        long total = machineNow[1] - startMachine[1];
        cores.put("machine", total == 0 ? 0 : (double) busy / total * Runtime.getRuntime().availableProcessors());
        return cores;
    }

    /**
     * Waits, at most {@code max}, until the stack's processes together use less than
     * {@code cores} over a second: a recipient service still consuming the copies of the previous
     * phase would otherwise take its cores from the phase being measured.
     *
     * @return the seconds waited, or -1 if the stack never went quiet
     */
    static double awaitQuiet(double cores, java.time.Duration max) throws InterruptedException {
        long begin = System.nanoTime();
        CpuMeter stack = new CpuMeter(BenchPids.all().keySet().toArray(String[]::new));
        stack.pids.remove("generator");
        while (System.nanoTime() - begin < max.toNanos()) {
            stack.start();
            Thread.sleep(1000);
            Map<String, Double> used = stack.stop();
            used.remove("machine");
            if (used.values().stream().mapToDouble(Double::doubleValue).sum() < cores) {
                return (System.nanoTime() - begin) / 1e9;
            }
        }
        return -1;
    }

    /** One BENCH line: "gateway 1.21, broker 0.30, ..." as the figure would not fit one number. */
    static String describe(Map<String, Double> cores) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        cores.forEach((name, value) -> {
            names.append(names.isEmpty() ? "" : "/").append(name);
            values.append(values.isEmpty() ? "" : "/").append(String.format("%.2f", value));
        });
        return names + "|" + values;
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long sum = processTicks(pid);
            if (name.equals("postgres")) {
                sum += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(child -> processTicks(child.pid())).sum();
            }
            ticks.put(name, sum);
        });
        return ticks;
    }

    /** utime + stime of a process, in clock ticks; 0 once it is gone. */
    private static long processTicks(long pid) {
        try {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
            return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {busy, total} jiffies of the whole machine from /proc/stat. */
    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
