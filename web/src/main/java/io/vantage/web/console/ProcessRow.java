package io.vantage.web.console;

import io.vantage.diagnostics.ProcessListing;
import java.io.Serializable;

/**
 * One line of the processes panel, written for people: CPU as a percentage of one core, memory in binary units.
 *
 * @param pid     the process id
 * @param user    its user
 * @param cpu     CPU over the listing's interval, e.g. {@code 12.5 %}
 * @param memory  resident memory, e.g. {@code 48.2 MiB}
 * @param command its command line
 */
public record ProcessRow(long pid, String user, String cpu, String memory, String command) implements Serializable {

    static ProcessRow of(ProcessListing.Process process) {
        return new ProcessRow(process.pid(), process.user(), MetricFormat.format("cpu.process", process.cpuPercent()),
                MetricFormat.format("resident_bytes", process.residentBytes()), process.command());
    }

    // getters for EL, which does not read record components
    public long getPid() {
        return pid;
    }

    public String getUser() {
        return user;
    }

    public String getCpu() {
        return cpu;
    }

    public String getMemory() {
        return memory;
    }

    public String getCommand() {
        return command;
    }
}
