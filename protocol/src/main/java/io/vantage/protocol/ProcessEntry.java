package io.vantage.protocol;

import java.util.Objects;

/**
 * One process of a {@link ProcessTable}.
 *
 * @param pid           the process id, positive
 * @param user          the name of its effective user, or the uid in digits when it has no name; at most
 *                      {@value #MAX_USER_BYTES} bytes of UTF-8
 * @param cpuPercent    CPU time used over the table's interval, in percent of one CPU (top's convention: a process
 *                      keeping two cores busy shows 200); finite, not negative
 * @param residentBytes resident memory (RSS), in bytes
 * @param command       its command line, arguments separated by spaces, or its name in brackets when it has none (a
 *                      kernel thread); at most {@value #MAX_COMMAND_BYTES} bytes of UTF-8, cut by the agent
 */
public record ProcessEntry(long pid, String user, double cpuPercent, long residentBytes, String command) {

    public static final int MAX_USER_BYTES = 64;
    public static final int MAX_COMMAND_BYTES = 512;

    public ProcessEntry {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(command, "command");
        if (pid < 1 || pid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("pid must be 1..2^32-1, was " + pid);
        }
        if (!Double.isFinite(cpuPercent) || cpuPercent < 0) {
            throw new IllegalArgumentException("CPU percent must be finite and not negative, was " + cpuPercent);
        }
        if (residentBytes < 0) {
            throw new IllegalArgumentException("resident bytes must not be negative, was " + residentBytes);
        }
        if (Utf8.length(user) > MAX_USER_BYTES || Utf8.length(command) > MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("user over " + MAX_USER_BYTES + " or command over "
                    + MAX_COMMAND_BYTES + " bytes");
        }
    }
}
