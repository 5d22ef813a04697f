package io.vantage.agent.collect;

import io.vantage.agent.log.AgentLog;
import io.vantage.protocol.CheckRun;
import io.vantage.protocol.MetricNames;
import io.vantage.protocol.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs every collector once per tick and gathers what they return. One failing collector costs only its own
 * metrics, and is logged when it starts and stops failing rather than at every tick.
 */
public final class CollectorSet {

    private final List<Collector> collectors;
    private final Set<String> failing = new HashSet<>();
    private int expectedSize = 64;

    public CollectorSet(List<Collector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    /**
     * Every metric of METRICS.md, from /proc, /sys and df.
     *
     * @param interval      the time between two ticks
     * @param inodeInterval the least time between two inode counts, {@link Duration#ZERO} for none
     */
    public static CollectorSet standard(Duration interval, Duration inodeInterval) {
        return standard(Path.of("/proc"), Path.of("/sys"), System::nanoTime, new DfInodeReader(),
                inodeEveryTicks(interval, inodeInterval));
    }

    /**
     * How many ticks apart inodes are counted so that counts are at least {@code inodeInterval} apart: ticks, not
     * clock readings, so that a tick that comes a few milliseconds early does not push the count to the tick after.
     * 0 for never.
     */
    static int inodeEveryTicks(Duration interval, Duration inodeInterval) {
        if (inodeInterval.isZero()) {
            return 0;
        }
        long ticks = (inodeInterval.toMillis() + interval.toMillis() - 1) / interval.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ticks));
    }

    /**
     * Every metric of METRICS.md, from the files under {@code procRoot} and {@code sysRoot}.
     *
     * @param nanoClock       the monotonic clock rates are computed with
     * @param inodes          where inode counts come from
     * @param inodeEveryTicks count inodes at the first tick and then every this many ticks; 0 for never
     */
    static CollectorSet standard(Path procRoot, Path sysRoot, LongSupplier nanoClock, Inodes.Reader inodes,
                                 int inodeEveryTicks) {
        // the files more than one collector needs are read once per tick and shared
        TickFile stat = CpuCollector.procStat(procRoot.resolve("stat"));
        TickFile loadavg = LoadCollector.procLoadavg(procRoot.resolve("loadavg"));
        return new CollectorSet(List.of(
                new CpuCollector(stat),
                new CoreCpuCollector(stat),
                new MemoryCollector(procRoot.resolve("meminfo")),
                new VmStatCollector(procRoot.resolve("vmstat"), nanoClock),
                new LoadCollector(loadavg),
                new ProcessCollector(procRoot, stat, loadavg),
                new DiskCollector(procRoot.resolve("diskstats"), nanoClock),
                new FilesystemCollector(procRoot.resolve("self/mounts"), inodes, inodeEveryTicks),
                new NetworkCollector(procRoot.resolve("net/dev"), nanoClock),
                new FileDescriptorCollector(procRoot.resolve("sys/fs/file-nr")),
                new UptimeCollector(procRoot.resolve("uptime")),
                new BatteryCollector(sysRoot.resolve("class/power_supply"))));
    }

    /** These collectors and {@code extra} after them, for sources the configuration adds (external checks). */
    public CollectorSet plus(Collector extra) {
        List<Collector> all = new ArrayList<>(collectors);
        all.add(extra);
        return new CollectorSet(all);
    }

    /** The samples of one tick, possibly none; only valid names and finite values. */
    public List<Sample> collect(long timestampMillis) {
        return collect(timestampMillis, new ArrayList<>(0));
    }

    /**
     * The samples of one tick, possibly none, only valid names and finite values; and into {@code checksInto} the
     * external check runs those samples came from.
     */
    public List<Sample> collect(long timestampMillis, List<CheckRun> checksInto) {
        // sized after the previous tick, so a machine with many cores or devices does not regrow the list each time
        List<Sample> samples = new ArrayList<>(expectedSize);
        for (Collector collector : collectors) {
            int before = samples.size();
            int checksBefore = checksInto.size();
            try {
                collector.collect(timestampMillis, samples, checksInto);
                if (failing.remove(collector.name())) {
                    AgentLog.collectorRecovered(collector.name());
                }
            } catch (Exception e) {
                samples.subList(before, samples.size()).clear();
                checksInto.subList(checksBefore, checksInto.size()).clear();
                if (failing.add(collector.name())) {
                    AgentLog.collectorFailing(collector.name(), String.valueOf(e));
                }
            }
        }
        // the server cannot decode a non-finite value and closes the connection, so a spooled batch holding one
        // would be resent and refused for ever; a bad name gets the whole batch rejected
        samples.removeIf(sample -> {
            boolean bad = !isValidName(sample.metric()) || !Double.isFinite(sample.value());
            if (bad) {
                AgentLog.sampleDiscarded(sample.metric(), sample.value());
            }
            return bad;
        });
        expectedSize = samples.size() + 16;
        return samples;
    }

    /**
     * The rule of {@link MetricNames#isValid}, dot-separated non-empty segments of {@code A-Z a-z 0-9 _ - :} and at
     * most {@value MetricNames#MAX_LENGTH} characters, checked by a plain scan: that method runs a regular expression,
     * a new matcher for each of the hundred or so samples of every tick.
     */
    static boolean isValidName(String name) {
        int length = name.length();
        if (length == 0 || length > MetricNames.MAX_LENGTH) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    return false; // a leading dot or two dots in a row: an empty segment
                }
                segmentStart = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || c == ':') {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return !segmentStart; // not ending with a dot
    }
}
