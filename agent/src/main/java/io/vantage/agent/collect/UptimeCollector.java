package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Seconds since the machine booted, from /proc/uptime: {@code system.uptime_seconds}; a drop means a reboot. */
public final class UptimeCollector implements Collector {

    public static final String UPTIME = "system.uptime_seconds";

    private final Path uptime;

    /** @param uptime the /proc/uptime file */
    public UptimeCollector(Path uptime) {
        this.uptime = uptime;
    }

    @Override
    public String name() {
        return "uptime";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        // for example "350735.47 234388.90": seconds up, then idle seconds summed over all CPUs
        String[] fields = ProcFiles.fields(ProcFiles.firstLine(uptime, line -> !line.isBlank()));
        into.add(new Sample(UPTIME, timestampMillis, ProcFiles.parseDouble(fields[0], uptime)));
    }
}
