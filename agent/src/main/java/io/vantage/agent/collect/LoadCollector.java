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

    private final Path loadavg;

    /** @param loadavg the /proc/loadavg file */
    public LoadCollector(Path loadavg) {
        this.loadavg = loadavg;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        // for example "0.52 0.58 0.59 1/467 12345"
        String[] fields = ProcFiles.fields(ProcFiles.firstLine(loadavg, line -> !line.isBlank()));
        if (fields.length < 3) {
            throw new IOException(loadavg + " holds fewer than three load averages");
        }
        into.add(new Sample(LOAD_1M, timestampMillis, parse(fields[0])));
        into.add(new Sample(LOAD_5M, timestampMillis, parse(fields[1])));
        into.add(new Sample(LOAD_15M, timestampMillis, parse(fields[2])));
    }

    private double parse(String text) throws IOException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(loadavg + ": '" + text + "' is not a load average");
        }
    }
}
