package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU utilisation of each core in percent, over the time since the previous tick, from the {@code cpuN} lines of
 * /proc/stat: {@code cpu.<n>.user}, {@code .system}, {@code .iowait}, {@code .steal}, {@code .idle} and
 * {@code .total}, computed like the machine-wide {@link CpuCollector} figures. A core taken offline has no line and
 * so no samples; one brought online reports from its second reading.
 */
public final class CoreCpuCollector implements Collector {

    private final TickFile stat;
    /** The six metric names of each core, built once rather than at every tick. */
    private final Map<String, String[]> names = new HashMap<>();
    private Map<String, CpuTimes> previous = new HashMap<>();

    /** @param stat the /proc/stat file */
    public CoreCpuCollector(Path stat) {
        this(CpuCollector.procStat(stat));
    }

    /** @param stat /proc/stat as read once per tick for every collector that needs it */
    CoreCpuCollector(TickFile stat) {
        this.stat = stat;
    }

    @Override
    public String name() {
        return "cpu-cores";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        Map<String, CpuTimes> current = new HashMap<>(previous.size() * 2 + 2);
        for (String line : stat.lines(timestampMillis)) {
            if (line.length() < 4 || !line.startsWith("cpu") || !Character.isDigit(line.charAt(3))) {
                continue; // the aggregate line and the procs_ lines
            }
            String[] fields = ProcFiles.fields(line);
            CpuTimes times = CpuTimes.parse(fields, stat.path());
            current.put(fields[0], times);
            CpuTimes earlier = previous.get(fields[0]);
            if (earlier != null) {
                CpuShares.add(times.since(earlier), namesOf(fields[0]), timestampMillis, into);
            }
        }
        previous = current;
    }

    private String[] namesOf(String label) {
        return names.computeIfAbsent(label, key -> {
            String prefix = "cpu." + key.substring(3) + ".";
            String[] built = new String[CpuShares.KINDS.length];
            for (int i = 0; i < built.length; i++) {
                built[i] = prefix + CpuShares.KINDS[i];
            }
            return built;
        });
    }
}
