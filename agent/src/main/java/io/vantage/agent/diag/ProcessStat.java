package io.vantage.agent.diag;

import java.io.IOException;

/**
 * What {@code /proc/<pid>/stat} says about one process that a listing needs for every process: its CPU time so far,
 * when it started (to tell a reused pid from the process that had it before) and its resident pages (to sort by
 * memory before reading anything else).
 *
 * @param pid        the process id
 * @param name       the command name from between the parentheses, for processes without a command line
 * @param cpuTicks   user plus system time, in clock ticks (USER_HZ)
 * @param startTicks when the process started, in clock ticks after boot
 * @param rssPages   resident pages; only their order matters, the bytes come from {@code status}
 */
record ProcessStat(long pid, String name, long cpuTicks, long startTicks, long rssPages) {

    /** The fields after the name: state is the first (field 3 of proc(5)), rss the 22nd (field 24). */
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int STARTTIME = 19;
    private static final int RSS = 21;

    /**
     * Reads one stat line.
     *
     * @throws IOException when the line is not what the kernel writes
     */
    static ProcessStat parse(long pid, String line) throws IOException {
        // the name may hold spaces and parentheses itself: it ends at the last ')'
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > line.length()) {
            throw new IOException("stat of process " + pid + " has no (name)");
        }
        String[] fields = line.substring(close + 2).trim().split(" ");
        if (fields.length <= RSS) {
            throw new IOException("stat of process " + pid + " has " + fields.length + " fields after the name");
        }
        try {
            return new ProcessStat(pid, line.substring(open + 1, close),
                    Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]),
                    Long.parseLong(fields[STARTTIME]), Math.max(0, Long.parseLong(fields[RSS])));
        } catch (NumberFormatException e) {
            throw new IOException("stat of process " + pid + " holds a field that is not a number", e);
        }
    }
}
