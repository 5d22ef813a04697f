package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU utilisation of the whole machine in percent, over the time since the previous tick, from the {@code cpu} line
 * of /proc/stat. The parts add up to 100: {@code cpu.user} counts nice time too and {@code cpu.system} counts
 * interrupt time too.
 */
public final class CpuCollector implements Collector {

    public static final String USER = "cpu.user";
    public static final String SYSTEM = "cpu.system";
    public static final String IOWAIT = "cpu.iowait";
    public static final String STEAL = "cpu.steal";
    public static final String IDLE = "cpu.idle";
    /** Everything but idle, so iowait and steal count as busy. */
    public static final String TOTAL = "cpu.total";

    private static final String[] NAMES = {USER, SYSTEM, IOWAIT, STEAL, IDLE, TOTAL};

    private final TickFile stat;
    private CpuTimes previous;

    /** @param stat the /proc/stat file */
    public CpuCollector(Path stat) {
        this(procStat(stat));
    }

    /** @param stat /proc/stat as read once per tick for every collector that needs it */
    CpuCollector(TickFile stat) {
        this.stat = stat;
    }

    /** /proc/stat keeping only the lines the CPU and process collectors use. */
    static TickFile procStat(Path stat) {
        return new TickFile(stat, line -> line.startsWith("cpu") || line.startsWith("procs_"));
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        CpuTimes current = CpuTimes.parse(ProcFiles.fields(aggregateLine(timestampMillis)), stat.path());
        CpuTimes earlier = previous;
        previous = current;
        if (earlier == null) {
            return; // a percentage needs two readings
        }
        CpuShares.add(current.since(earlier), NAMES, timestampMillis, into);
    }

    private String aggregateLine(long timestampMillis) throws IOException {
        for (String line : stat.lines(timestampMillis)) {
            if (line.startsWith("cpu ")) {
                return line;
            }
        }
        throw new IOException(stat.path() + " holds no aggregate cpu line");
    }
}
