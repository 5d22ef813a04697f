package io.vantage.connector.api;

import java.io.Serializable;
import java.util.List;

/**
 * An agent's answer to {@link AgentRequests#processes}.
 *
 * @param agentId           the agent that answered
 * @param takenAtMillis     when the agent took the listing, epoch milliseconds by its clock
 * @param cpuIntervalMillis the time the CPU percentages cover: since the agent's previous listing when that was
 *                          recent, else half a second it measured
 * @param totalProcesses    how many processes the machine runs, listed or not
 * @param processes         the listed processes, busiest first
 */
public record ProcessList(String agentId, long takenAtMillis, long cpuIntervalMillis, long totalProcesses,
                          List<ProcessInfo> processes) implements Serializable {

    public ProcessList {
        processes = List.copyOf(processes);
    }

    /**
     * One listed process.
     *
     * @param pid           its process id
     * @param user          its effective user's name, or the uid in digits
     * @param cpuPercent    CPU used over the interval, in percent of one CPU (200 is two busy cores)
     * @param residentBytes its resident memory
     * @param command       its command line, at most 512 bytes of UTF-8, or {@code [name]} for a kernel thread
     */
    public record ProcessInfo(long pid, String user, double cpuPercent, long residentBytes, String command)
            implements Serializable {
    }
}
