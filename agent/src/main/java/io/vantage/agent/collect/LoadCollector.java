package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The kernel's load averages over 1, 5 and 15 minutes, from /proc/loadavg. */
public final class LoadCollector implements Collector {

    public static final String LOAD_1M = "load.1m";
    public static final String LOAD_5M = "load.5m";
    public static final String LOAD_15M = "load.15m";

    private final TickFile loadavg;

    /** @param loadavg the /proc/loadavg file */
    public LoadCollector(Path loadavg) {
        this(procLoadavg(loadavg));
    }

    /** @param loadavg /proc/loadavg as read once per tick for every collector that needs it */
    LoadCollector(TickFile loadavg) {
        this.loadavg = loadavg;
    }

    static TickFile procLoadavg(Path loadavg) {
        return new TickFile(loadavg, line -> !line.isBlank());
    }

    /**
     * The fields of /proc/loadavg, for example {@code 0.52 0.58 0.59 1/467 12345}: three load averages, runnable
     * and total scheduling entities, the last process id used.
     */
    static String[] fields(TickFile loadavg, long timestampMillis) throws IOException {
        List<String> lines = loadavg.lines(timestampMillis);
        if (lines.isEmpty()) {
            throw new IOException(loadavg.path() + " is empty");
        }
        return ProcFiles.fields(lines.get(0));
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        String[] fields = fields(loadavg, timestampMillis);
        if (fields.length < 3) {
            throw new IOException(loadavg.path() + " holds fewer than three load averages");
        }
        into.add(new Sample(LOAD_1M, timestampMillis, parse(fields[0])));
        into.add(new Sample(LOAD_5M, timestampMillis, parse(fields[1])));
        into.add(new Sample(LOAD_15M, timestampMillis, parse(fields[2])));
    }

    private double parse(String text) throws IOException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(loadavg.path() + ": '" + text + "' is not a load average");
        }
    }
}
