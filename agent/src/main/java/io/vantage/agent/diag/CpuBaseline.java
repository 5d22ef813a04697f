package io.vantage.agent.diag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every process's CPU time at one moment, kept from one listing to the next so that the next can say how busy each
 * process was in between. Kept as three arrays sorted by pid: a few thousand processes cost a few dozen KiB, not a map
 * of boxed numbers.
 */
final class CpuBaseline {

    /** USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture the agent runs on. */
    static final long TICKS_PER_SECOND = 100;

    private final long takenAtNanos;
    private final long[] pids;
    private final long[] starts;
    private final long[] ticks;

    private CpuBaseline(long takenAtNanos, long[] pids, long[] starts, long[] ticks) {
        this.takenAtNanos = takenAtNanos;
        this.pids = pids;
        this.starts = starts;
        this.ticks = ticks;
    }

    /** The CPU times of {@code stats}, read at {@code takenAtNanos} of the monotonic clock. */
    static CpuBaseline of(List<ProcessStat> stats, long takenAtNanos) {
        ProcessStat[] sorted = stats.toArray(new ProcessStat[0]);
        Arrays.sort(sorted, Comparator.comparingLong(ProcessStat::pid));
        long[] pids = new long[sorted.length];
        long[] starts = new long[sorted.length];
        long[] ticks = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            pids[i] = sorted[i].pid();
            starts[i] = sorted[i].startTicks();
            ticks[i] = sorted[i].cpuTicks();
        }
        return new CpuBaseline(takenAtNanos, pids, starts, ticks);
    }

    long takenAtNanos() {
        return takenAtNanos;
    }

    /**
     * How busy the process was since this baseline, in percent of one CPU. A process the baseline does not know, or
     * whose pid now belongs to a process started since, counts all its CPU time since it started.
     */
    double percent(ProcessStat now, long intervalNanos) {
        int at = Arrays.binarySearch(pids, now.pid());
        long before = at >= 0 && starts[at] == now.startTicks() ? ticks[at] : 0;
        long used = Math.max(0, now.cpuTicks() - before);
        return intervalNanos <= 0 ? 0 : used * 1e9 * 100 / TICKS_PER_SECOND / intervalNanos;
    }
}
