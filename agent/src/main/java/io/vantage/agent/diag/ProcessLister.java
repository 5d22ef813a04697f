package io.vantage.agent.diag;

import io.vantage.protocol.ProcessEntry;
import io.vantage.protocol.ProcessTable;
import io.vantage.protocol.Utf8;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lists the busiest processes, top-like. CPU percentages need two readings: the previous listing's, when it is at most
 * a minute old, so that a page refreshing every few seconds sees what happened since its last refresh; otherwise a
 * reading of its own, half a second before. Blocks for up to that half second, so it runs on the diagnostics worker,
 * never on the connection's threads. One thread at a time.
 */
final class ProcessLister {

    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final long MAX_BASELINE_AGE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ProcTree proc;
    private final UserNames users;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final Sleeper sleeper;
    private CpuBaseline previous;

    /** Waits on the monotonic clock; tests replace it with one that moves their clock and their fake /proc. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    ProcessLister(ProcTree proc, UserNames users, LongSupplier nanoClock, LongSupplier wallClock, Sleeper sleeper) {
        this.proc = proc;
        this.users = users;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.sleeper = sleeper;
    }

    /** Lists this machine's processes from /proc and /etc/passwd. */
    static ProcessLister standard() {
        return new ProcessLister(new ProcTree(Path.of("/proc")), new UserNames(Path.of("/etc/passwd")),
                System::nanoTime, System::currentTimeMillis, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    /** Whether there is a /proc to list processes from. */
    boolean available() {
        return proc.exists();
    }

    /** The {@code limit} busiest processes, by CPU or by resident memory, ties broken by the other, then by pid. */
    ProcessTable list(int limit, boolean byMemory) throws IOException, InterruptedException {
        CpuBaseline baseline = previous;
        if (baseline == null || nanoClock.getAsLong() - baseline.takenAtNanos() > MAX_BASELINE_AGE_NANOS) {
            baseline = CpuBaseline.of(proc.stats(), nanoClock.getAsLong());
        }
        long wait = baseline.takenAtNanos() + MIN_INTERVAL_NANOS - nanoClock.getAsLong();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        List<ProcessStat> stats = proc.stats();
        long takenAt = nanoClock.getAsLong();
        long interval = takenAt - baseline.takenAtNanos();
        List<Ranked> ranked = new ArrayList<>(stats.size());
        for (ProcessStat stat : stats) {
            ranked.add(new Ranked(stat, baseline.percent(stat, interval)));
        }
        ranked.sort(byMemory ? Ranked.BY_MEMORY : Ranked.BY_CPU);
        previous = CpuBaseline.of(stats, takenAt);
        List<ProcessEntry> entries = new ArrayList<>(Math.min(limit, ranked.size()));
        for (Ranked process : ranked.subList(0, Math.min(limit, ranked.size()))) {
            ProcessEntry entry = describe(process);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new ProcessTable(wallClock.getAsLong(), TimeUnit.NANOSECONDS.toMillis(interval), stats.size(), entries);
    }

    /** The entry for a ranked process, or {@code null} when it has exited since. */
    private ProcessEntry describe(Ranked process) throws IOException {
        ProcessStat stat = process.stat();
        ProcessStatus status = proc.status(stat.pid());
        if (status == null) {
            return null;
        }
        String command = Utf8.truncate(proc.commandLine(stat.pid(), stat.name()), ProcessEntry.MAX_COMMAND_BYTES);
        return new ProcessEntry(stat.pid(), users.nameOf(status.uid()), process.cpuPercent(),
                status.residentBytes(), command);
    }

    /** A process with its CPU percentage, for sorting. */
    private record Ranked(ProcessStat stat, double cpuPercent) {

        static final Comparator<Ranked> BY_CPU = Comparator.comparingDouble(Ranked::cpuPercent).reversed()
                .thenComparing(Comparator.comparingLong((Ranked r) -> r.stat().rssPages()).reversed())
                .thenComparingLong(r -> r.stat().pid());
        static final Comparator<Ranked> BY_MEMORY = Comparator.comparingLong((Ranked r) -> r.stat().rssPages())
                .reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::cpuPercent).reversed())
                .thenComparingLong(r -> r.stat().pid());
    }
}
