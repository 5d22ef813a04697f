package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU utilisation of the whole machine in percent, over the time since the previous tick, from /proc/stat. The
 * parts add up to 100: {@code cpu.user} counts nice time too and {@code cpu.system} counts interrupt time too.
 */
public final class CpuCollector implements Collector {

    public static final String USER = "cpu.user";
    public static final String SYSTEM = "cpu.system";
    public static final String IOWAIT = "cpu.iowait";
    public static final String STEAL = "cpu.steal";
    public static final String IDLE = "cpu.idle";
    /** Everything but idle, so iowait and steal count as busy. */
    public static final String TOTAL = "cpu.total";

    private final Path stat;
    private CpuTimes previous;

    /** @param stat the /proc/stat file */
    public CpuCollector(Path stat) {
        this.stat = stat;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        CpuTimes current = CpuTimes.parse(ProcFiles.firstLine(stat, line -> line.startsWith("cpu ")), stat);
        CpuTimes earlier = previous;
        previous = current;
        if (earlier == null) {
            return; // a percentage needs two readings
        }
        CpuTimes spent = current.since(earlier);
        double total = spent.total();
        if (total <= 0) {
            return; // two readings within one clock tick say nothing
        }
        double idle = percent(spent.idle(), total);
        into.add(new Sample(USER, timestampMillis, percent(spent.user() + spent.nice(), total)));
        into.add(new Sample(SYSTEM, timestampMillis, percent(spent.system() + spent.irq() + spent.softirq(), total)));
        into.add(new Sample(IOWAIT, timestampMillis, percent(spent.iowait(), total)));
        into.add(new Sample(STEAL, timestampMillis, percent(spent.steal(), total)));
        into.add(new Sample(IDLE, timestampMillis, idle));
        into.add(new Sample(TOTAL, timestampMillis, 100.0 - idle));
    }

    private static double percent(long part, double total) {
        return part * 100.0 / total;
    }
}
