package io.vantage.agent.collect;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How many processes and threads exist and what they are doing: {@code proc.count} (the numbered directories of
 * /proc), {@code proc.threads} (all scheduling entities, the total after the slash in /proc/loadavg),
 * {@code proc.running} and {@code proc.blocked} (runnable and waiting on I/O, from /proc/stat).
 */
public final class ProcessCollector implements Collector {

    public static final String COUNT = "proc.count";
    public static final String THREADS = "proc.threads";
    public static final String RUNNING = "proc.running";
    public static final String BLOCKED = "proc.blocked";

    private final Path procRoot;
    private final TickFile stat;
    private final TickFile loadavg;

    /** @param procRoot the /proc directory */
    public ProcessCollector(Path procRoot) {
        this(procRoot, CpuCollector.procStat(procRoot.resolve("stat")),
                LoadCollector.procLoadavg(procRoot.resolve("loadavg")));
    }

    /** /proc/stat and /proc/loadavg as read once per tick for every collector that needs them. */
    ProcessCollector(Path procRoot, TickFile stat, TickFile loadavg) {
        this.procRoot = procRoot;
        this.stat = stat;
        this.loadavg = loadavg;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public void collect(long timestampMillis, List<Sample> into) throws IOException {
        into.add(new Sample(COUNT, timestampMillis, countProcesses()));
        String[] load = LoadCollector.fields(loadavg, timestampMillis);
        int slash = load.length > 3 ? load[3].indexOf('/') : -1;
        if (slash < 0) {
            throw new IOException(loadavg.path() + " holds no runnable/total field");
        }
        into.add(new Sample(THREADS, timestampMillis, ProcFiles.parseLong(load[3].substring(slash + 1),
                loadavg.path())));
        for (String line : stat.lines(timestampMillis)) {
            // kernels before 2.5.45 have neither line; then the two metrics are missing
            if (line.startsWith("procs_running ")) {
                into.add(new Sample(RUNNING, timestampMillis, value(line)));
            } else if (line.startsWith("procs_blocked ")) {
                into.add(new Sample(BLOCKED, timestampMillis, value(line)));
            }
        }
    }

    private long value(String line) throws IOException {
        return ProcFiles.parseLong(line.substring(line.indexOf(' ') + 1).trim(), stat.path());
    }

    private long countProcesses() throws IOException {
        // File.list gives bare names: no Path object per process, which adds up on a machine running thousands
        String[] entries = procRoot.toFile().list();
        if (entries == null) {
            throw new IOException(procRoot + " cannot be listed");
        }
        long count = 0;
        for (String entry : entries) {
            if (isNumber(entry)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isNumber(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }
}
