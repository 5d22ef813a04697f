package io.vantage.bench;

import java.util.Arrays;

/**
 * Collects latencies (in nanoseconds) and answers percentiles by the nearest-rank method. Not thread-safe; one
 * recorder per thread, or guard it.
 */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** An independent copy of what was recorded so far. */
    Latencies copy() {
        Latencies copy = new Latencies();
        copy.values = Arrays.copyOf(values, Math.max(size, 1));
        copy.size = size;
        return copy;
    }

    int count() {
        return size;
    }

    /**
     * The nearest-rank percentile: the smallest recorded value with at least {@code p} percent of the values at or
     * below it; 0 when nothing was recorded.
     *
     * @param p in (0, 100]
     */
    long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return size == 0 ? 0 : percentile(100);
    }

    /** Milliseconds with one decimal, for reports. */
    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
