package io.vantage.agent.log;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every message the agent logs, each with a stable code ({@code VANTAGE-AGT-0001} to {@code VANTAGE-AGT-0099}) so
 * operators can grep and alert on them. The agent logs state changes (connected, lost, storage failing), never one
 * line per batch.
 */
public final class AgentLog {

    private static final Logger LOGGER = Logger.getLogger("io.vantage.agent");

    private AgentLog() {
    }

    public static void starting(String version, String agentId, String hostname, String servers, long intervalMillis,
                                String spool) {
        log(Level.INFO, 1, "Vantage agent %s starting: agent id %s, hostname %s, servers %s, every %s, %s",
                version, agentId, hostname, servers, millis(intervalMillis), spool);
    }

    public static void stopping(int unacknowledged) {
        log(Level.INFO, 2, "Agent stopping; %d batches not yet acknowledged", unacknowledged);
    }

    public static void connected(String server, int version, int heartbeatSeconds, long lastStored, int toSend) {
        log(Level.INFO, 3, "Connected to %s (protocol v%d, heartbeat %d s); server holds batches up to %d; "
                + "%d batches to send", server, version, heartbeatSeconds, lastStored, toSend);
    }

    public static void cannotConnect(String server, String reason, long retryMillis) {
        log(Level.WARNING, 4, "Cannot connect to %s: %s; next attempt in %s", server, reason, millis(retryMillis));
    }

    public static void stillCannotConnect(String server, String reason, long retryMillis) {
        // the same failure again: kept out of the default log so an outage is one line, not one per attempt
        log(Level.FINE, 4, "Cannot connect to %s: %s; next attempt in %s", server, reason, millis(retryMillis));
    }

    public static void refused(String server, String code, String message, long retryMillis) {
        log(Level.SEVERE, 5, "Server %s refused this agent: %s: %s. Check the agent id, key and version; "
                + "retrying in %s", server, code, message, millis(retryMillis));
    }

    public static void serverUntrusted(String server, String reason, long retryMillis, boolean first) {
        // the same failure again is kept out of the default log, as for other connection failures
        log(first ? Level.SEVERE : Level.FINE, 31, "Server %s failed TLS verification and was sent nothing: %s. "
                + "Check tls-trust-store and tls-server-name; next attempt in %s", server, reason, millis(retryMillis));
    }

    public static void tlsEnabled(String verification) {
        log(Level.INFO, 32, "Connecting over %s", verification);
    }

    public static void connectionLost(String server, String reason, int unacknowledged) {
        log(Level.WARNING, 6, "Connection to %s lost: %s; %d batches unacknowledged, reconnecting", server, reason,
                unacknowledged);
    }

    public static void serverError(String server, String code, String message) {
        log(Level.WARNING, 7, "Server %s reported %s: %s", server, code, message);
    }

    public static void storageFailing(long sequence, String message, long retryMillis) {
        log(Level.WARNING, 8, "Server could not store batch %d (%s); keeping it and retrying every %s",
                sequence, message, millis(retryMillis));
    }

    public static void storageRecovered() {
        log(Level.INFO, 9, "Server is storing batches again");
    }

    public static void batchRejected(long sequence, String message) {
        log(Level.WARNING, 10, "Server rejected batch %d for good (%s); dropped it", sequence, message);
    }

    public static void spoolOverflowing(String limit) {
        log(Level.WARNING, 11, "Unacknowledged batches exceed %s; dropping the oldest until the server catches up",
                limit);
    }

    public static void spoolRecovered(long droppedNow, long droppedTotal) {
        log(Level.WARNING, 12, "Unacknowledged batches back under the limit; %d batches were dropped (%d since start)",
                droppedNow, droppedTotal);
    }

    public static void alreadyStored(long lastStored, int dropped) {
        log(Level.INFO, 13, "Server already holds batches up to %d; dropped %d of them from the spool",
                lastStored, dropped);
    }

    public static void spoolReloaded(String directory, int batches, long lastSequence) {
        log(Level.INFO, 14, "Spool %s holds %d unacknowledged batches; last sequence used %d", directory, batches,
                lastSequence);
    }

    public static void spoolFileUnreadable(String file, String reason) {
        log(Level.WARNING, 15, "Spool file %s is unreadable (%s); deleted it", file, reason);
    }

    public static void spoolWriteFailed(String file, String reason) {
        log(Level.SEVERE, 16, "Cannot write spool file %s (%s); the batch is kept in memory only", file, reason);
    }

    public static void spoolWritesRecovered() {
        log(Level.INFO, 23, "Spool files can be written again");
    }

    public static void collectorFailing(String collector, String reason) {
        log(Level.WARNING, 17, "Collector %s failed: %s; its metrics are missing until it recovers", collector,
                reason);
    }

    public static void collectorRecovered(String collector) {
        log(Level.INFO, 18, "Collector %s works again", collector);
    }

    public static void filesystemUnreadable(String mountPoint, String reason) {
        log(Level.WARNING, 25, "Filesystem %s cannot be measured: %s; its metrics are missing until it can",
                mountPoint, reason);
    }

    public static void filesystemReadable(String mountPoint) {
        log(Level.INFO, 26, "Filesystem %s can be measured again", mountPoint);
    }

    public static void inodesUnreadable(String reason) {
        log(Level.WARNING, 33, "Inode counts cannot be read with df: %s; fs.*.inodes_* are missing until they can",
                reason);
    }

    public static void inodesReadable() {
        log(Level.INFO, 34, "Inode counts can be read with df again");
    }

    public static void checkFileInvalid(String file, String problem) {
        log(Level.WARNING, 27, "Check file %s is invalid: %s; skipped until it changes", file, problem);
    }

    public static void checkStateChanged(String check, String status, String text) {
        // OK is news worth INFO; any other state is what an operator greps for
        log("OK".equals(status) ? Level.INFO : Level.WARNING, 28, "Check %s is %s: %s", check, status, text);
    }

    public static void checksDirectoryUnreadable(String directory, String reason) {
        log(Level.WARNING, 29, "Checks directory %s cannot be read (%s); no checks run until it can", directory,
                reason);
    }

    public static void checksLoaded(String directory, int count, String names) {
        log(Level.INFO, 30, "Checks directory %s: %d checks (%s)", directory, count, names);
    }

    public static void checkTextsNotSent(String server, int version) {
        log(Level.INFO, 35, "Server %s speaks protocol v%d: checks' status texts are not sent to it, their numbers are",
                server, version);
    }

    public static void sampleDiscarded(String metric, double value) {
        log(Level.FINE, 19, "Discarded sample %s=%s: the server accepts only valid names and finite values",
                metric, value);
    }

    public static void sequenceAdvanced(long from, long to) {
        log(Level.WARNING, 20, "Server already holds sequence %d or later; next batch sequence moved from %d to %d",
                to - 1, from, to);
    }

    public static void sequenceNotPersisted(String file, String reason) {
        log(Level.SEVERE, 21, "Cannot persist the last sequence to %s (%s); a restart may reuse sequences",
                file, reason);
    }

    public static void badConfiguration(String problem) {
        log(Level.SEVERE, 24, "Cannot start: %s", problem);
    }

    public static void unexpected(String what, Throwable error) {
        LOGGER.log(Level.SEVERE, prefix(22) + what, error);
    }

    private static void log(Level level, int code, String format, Object... args) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, prefix(code) + fill(format, args));
        }
    }

    /**
     * The message with each {@code %s} and {@code %d} replaced by the next argument, as {@code String.format} with
     * {@link Locale#ROOT} would for these two, the only ones used here. By hand because {@link java.util.Formatter}
     * parses its pattern with a regular expression, and loading it and {@code java.util.regex} for a few lines of
     * log costs the agent about 40 classes of memory for as long as it runs.
     */
    static String fill(String format, Object... args) {
        StringBuilder message = new StringBuilder(format.length() + 64);
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && next < args.length
                    && (format.charAt(i + 1) == 's' || format.charAt(i + 1) == 'd')) {
                message.append(args[next++]);
                i++;
            } else {
                message.append(c);
            }
        }
        return message.toString();
    }

    /** A delay as people read it: {@code 250 ms}, {@code 10 s}, {@code 5 min}. */
    static String millis(long millis) {
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    static String prefix(int code) {
        String digits = Integer.toString(code);
        return "VANTAGE-AGT-" + "0000".substring(Math.min(4, digits.length())) + digits + " ";
    }
}
