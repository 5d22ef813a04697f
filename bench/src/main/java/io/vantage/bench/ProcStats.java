package io.vantage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory and CPU time of a process from {@code /proc/<pid>/status} (VmHWM) and
 * {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 1/100 s).
 *
 * @param peakRssKib VmHWM in KiB
 * @param cpuSeconds user plus system CPU seconds
 */
record ProcStats(long peakRssKib, double cpuSeconds) {

    static final int CLOCK_TICKS_PER_SECOND = 100;

    static ProcStats of(String pid) throws IOException {
        Path proc = Path.of("/proc", pid);
        return new ProcStats(peakRss(Files.readString(proc.resolve("status"))),
                cpuSeconds(Files.readString(proc.resolve("stat"))));
    }

    /** The VmHWM line's value in KiB, or 0 when absent. */
    static long peakRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** utime + stime (fields 14 and 15) in seconds; the command name in parentheses may contain spaces. */
    static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime 15
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }
}
