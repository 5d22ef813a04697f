package io.vantage.cassandra.local;

import java.util.Locale;

/**
 * The coded messages of the local Cassandra launcher, {@code VANTAGE-CAS-0001} onwards.
 *
 * <p>Every line the launcher logs or prints, and every exception it throws, starts with its code, so
 * scripts and people can grep for it and the operations notes can explain it. Codes are never reused.
 */
public enum CasMessage {
    /** Info: a start begins. */
    STARTING(1, "Starting Cassandra: data %s, CQL 127.0.0.1:%d, storage %d, JMX %d, heap %s"),
    /** Info: the CQL port answered the native-protocol probe. */
    SERVING(2, "Cassandra serves CQL on 127.0.0.1:%d after %d ms (pid %d)"),
    /** Info: a stop begins. */
    STOPPING(3, "Stopping Cassandra (pid %d)"),
    /** Info: the process is gone. */
    STOPPED(4, "Cassandra stopped after %d ms (pid %d)"),
    /** Warning: SIGTERM was not enough. */
    KILLED(5, "Cassandra did not stop within %d s, killed it (pid %d)"),
    /** Warning: a start found the Cassandra of an earlier run on the same data directory. */
    LEFTOVER(6, "A Cassandra of an earlier run is still running on data directory %s (pid %d); stopping it first"),
    /** Info: a pid file names a process that is gone or is not this directory's Cassandra. */
    STALE_PID_FILE(7, "Ignoring stale pid file %s: pid %d is not a running Cassandra of this data directory"),
    /** Error: a port Cassandra needs is taken. */
    PORT_IN_USE(8, "Port %d (%s) on 127.0.0.1 is already in use%s"),
    /** Error: the Cassandra JVM exited while starting. */
    DIED(9, "Cassandra exited with code %d while starting; last lines of %s:%n%s"),
    /** Error: no CQL within the start timeout. */
    START_TIMEOUT(10, "Cassandra did not serve CQL on 127.0.0.1:%d within %d s, killed it; last lines of %s:%n%s"),
    /** Error: no usable Cassandra home (lib/ and conf/). */
    HOME_NOT_FOUND(11, "No Cassandra home found (%s). Build it with 'mvn package' in cassandra-local, "
            + "or set --home / -Dvantage.cassandra.home / VANTAGE_CASSANDRA_HOME"),
    /** Error: the java executable could not be started. */
    LAUNCH_FAILED(12, "Could not launch %s: %s"),
    /** Warning: the launcher's own Java is not one Cassandra 5.0 runs on. */
    JAVA_VERSION(13, "Cassandra 5.0 runs on Java 11 or 17, but %s is Java %d; set javaExecutable to a Java 17"),
    /** Info: stop by pid file found nothing to stop. */
    NOT_RUNNING(14, "No Cassandra running on data directory %s"),
    /** Error: wrong command line. */
    USAGE(15, "%s"),
    /** Info (CLI start): the detached Cassandra's pid. */
    STARTED_DETACHED(16, "Cassandra left running, pid %d (pid file %s)"),
    /** Error: reading or writing the configuration or pid file failed. */
    IO_FAILED(17, "%s failed: %s"),
    /** Error: the thread waiting for Cassandra was interrupted. */
    INTERRUPTED(18, "Interrupted while %s; Cassandra (pid %d) is stopped"),
    /** Error: the yaml template is not what the launcher fills in. */
    BAD_TEMPLATE(19, "The cassandra.yaml template %s"),
    /** Info (CLI run): Cassandra is up; scripts wait for the text after the code. */
    READY(20, "Cassandra ready on 127.0.0.1:%d"),
    /** Error (CLI run): Cassandra exited on its own while the launcher was waiting for a signal. */
    EXITED(21, "Cassandra exited on its own with code %d; see %s"),
    /** Error: a configuration value is not acceptable. */
    BAD_CONFIG(22, "%s"),
    /** Error: stop() (for example the shutdown hook on Ctrl+C) ended a start that was still waiting. */
    STOPPED_WHILE_STARTING(23, "The start was cancelled: stop() was called while Cassandra was starting"),
    /** Info (CLI run): the launcher got SIGTERM/SIGINT and Cassandra is stopped. */
    SIGNAL_STOPPED(24, "Launcher signalled to exit; Cassandra (pid %d) is stopped");

    private final String code;
    private final String format;

    CasMessage(int number, String format) {
        this.code = String.format(Locale.ROOT, "VANTAGE-CAS-%04d", number);
        this.format = format;
    }

    /** The code, for example {@code VANTAGE-CAS-0001}. */
    public String code() {
        return code;
    }

    /** The message with its code in front, ready to log or print. */
    public String format(Object... args) {
        return code + " " + String.format(Locale.ROOT, format, args);
    }
}
