package io.vantage.diagnostics;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A node's busiest processes, as its agent saw them a moment ago.
 *
 * @param nodeId            the node
 * @param nodeName          its name
 * @param agentId           the agent that answered
 * @param takenAt           when the agent took the listing, by its clock
 * @param cpuIntervalMillis the time the CPU percentages cover (since the agent's previous listing when that was at
 *                          most a minute ago, else half a second the agent measured)
 * @param totalProcesses    how many processes the node runs, listed or not
 * @param order             what the list is sorted by
 * @param processes         the listed processes, busiest first
 */
public record ProcessListing(long nodeId, String nodeName, String agentId, Instant takenAt, long cpuIntervalMillis,
                             long totalProcesses, ProcessOrder order, List<Process> processes) implements Serializable {

    public ProcessListing {
        processes = List.copyOf(processes);
    }

    /**
     * One process.
     *
     * @param pid           its id
     * @param user          its effective user, or the uid in digits when the user has no name
     * @param cpuPercent    CPU used over the interval, in percent of one CPU (top's convention: 200 is two busy cores)
     * @param residentBytes resident memory (RSS)
     * @param command       its command line, cut to 512 bytes, or {@code [name]} for a kernel thread
     */
    public record Process(long pid, String user, double cpuPercent, long residentBytes, String command)
            implements Serializable {
    }
}
