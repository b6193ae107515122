package org.interlock.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies of one measured phase, in microseconds: each load worker keeps its own (no contention
 * on the hot path) and the phase merges them. Percentiles are exact (nearest rank on the sorted
 * values), not bucketed.
 */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    void addMillis(long millis) {
        add(millis * 1_000);
    }

    int count() {
        return size;
    }

    static Latencies merged(Collection<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    /** The p-th percentile in milliseconds (nearest rank), or -1 with no value. */
    double percentileMillis(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000.0;
    }
}
