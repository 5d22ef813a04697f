package io.vantage.protocol;

import java.util.List;

/**
 * The body of a {@link RequestKinds#PROCESSES} response: the busiest processes of the agent's machine, top-like.
 * CPU percentages cover {@code cpuIntervalMillis} before {@code takenAtMillis}: since the agent's previous process
 * listing when that was recent, else a short measurement of its own (see PROTOCOL.md).
 *
 * @param takenAtMillis     when the listing was taken, epoch milliseconds
 * @param cpuIntervalMillis the interval the CPU percentages cover, in milliseconds
 * @param totalProcesses    how many processes the machine runs, listed or not
 * @param entries           at most {@value #MAX_ENTRIES} processes, in the order asked for
 */
public record ProcessTable(long takenAtMillis, long cpuIntervalMillis, long totalProcesses,
                           List<ProcessEntry> entries) implements ResponseBody {

    /** The most processes one response lists, whatever the request asked. */
    public static final int MAX_ENTRIES = 500;
    /** The largest a listed process can encode to: pid, user, CPU, memory and command, with string lengths. */
    public static final int MAX_ENTRY_BYTES = 4 + 2 + ProcessEntry.MAX_USER_BYTES + 8 + 8 + 2
            + ProcessEntry.MAX_COMMAND_BYTES;
    /**
     * The response's bytes around the entries, generously: type, id, status, kind (at most 32), the empty message,
     * time, interval, total and count take 66.
     */
    public static final int MAX_OVERHEAD_BYTES = 128;

    public ProcessTable {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(entries.size() + " processes, at most " + MAX_ENTRIES);
        }
        if (cpuIntervalMillis < 0 || cpuIntervalMillis > 0xFFFF_FFFFL || totalProcesses < 0
                || totalProcesses > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("interval and total must be 0..2^32-1");
        }
    }

    /** The most entries a response may be asked for so that it always fits a frame of {@code maxFrameBytes}. */
    public static int entriesFitting(int maxFrameBytes) {
        return Math.max(0, Math.min(MAX_ENTRIES, (maxFrameBytes - MAX_OVERHEAD_BYTES) / MAX_ENTRY_BYTES));
    }

    @Override
    public String kind() {
        return RequestKinds.PROCESSES;
    }
}
