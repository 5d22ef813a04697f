package io.vantage.agent.collect;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cumulative CPU time counters, in clock ticks, of all CPUs (the {@code cpu} line of /proc/stat) or of one
 * ({@code cpu0}, {@code cpu1}...). Guest time is not listed separately because the kernel already counts it inside
 * user and nice.
 */
record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    /**
     * Reads a cpu line split into fields, for example {@code cpu  4705 356 584 3699176 23060 0 277 0 0 0}. Kernels
     * older than 2.6.11 print fewer columns; the missing ones count as zero.
     */
    static CpuTimes parse(String[] fields, Path file) throws IOException {
        if (fields.length < 5 || !fields[0].startsWith("cpu")) {
            throw new IOException(file + ": not a cpu line: " + String.join(" ", fields));
        }
        long[] values = new long[8];
        for (int i = 0; i < values.length && i + 1 < fields.length; i++) {
            values[i] = ProcFiles.parseLong(fields[i + 1], file);
        }
        return new CpuTimes(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }

    /**
     * The ticks spent since {@code earlier}, field by field. A counter that went backwards counts as zero: iowait
     * can, on some kernels, and a percentage must never go negative.
     */
    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(delta(user, earlier.user), delta(nice, earlier.nice), delta(system, earlier.system),
                delta(idle, earlier.idle), delta(iowait, earlier.iowait), delta(irq, earlier.irq),
                delta(softirq, earlier.softirq), delta(steal, earlier.steal));
    }

    long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    private static long delta(long now, long before) {
        return Math.max(0, now - before);
    }
}
