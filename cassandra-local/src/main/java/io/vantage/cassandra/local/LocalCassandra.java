package io.vantage.cassandra.local;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Cassandra 5.0 in its own JVM, for development and tests.
 *
 * <pre>{@code
 * LocalCassandraConfig config = LocalCassandraConfig.builder().dataDir(Path.of("target/cassandra-data")).build();
 * try (LocalCassandra cassandra = new LocalCassandra(config).start()) {
 *     // connect a driver to cassandra.contactPoint(), datacenter "datacenter1"
 * }
 * }</pre>
 *
 * <p>{@link #start()} writes {@code cassandra.yaml} into the data directory, launches
 * {@code org.apache.cassandra.service.CassandraDaemon} with the home's {@code lib/*}, its output going to
 * {@code <data>/cassandra.log} and its pid to {@code <data>/cassandra.pid}, and returns once the CQL port
 * answers a native-protocol request. A failed start never leaves the process behind.
 *
 * <p><b>Leftovers:</b> if the pid file names a Cassandra of the same data directory that is still running
 * (an earlier run that was killed, or the command line's {@code start}), {@code start()} stops it first
 * and then starts a fresh one. Reusing it was rejected: it may run with other ports, heap or yaml than
 * asked for, and this object could not own its output. A pid file naming any other process is ignored.
 *
 * <p>Running as root works: Cassandra then locks its memory ({@code mlockall}), so the resident size is
 * roughly heap plus off-heap (about 1 GB with the default 512m heap).
 */
public final class LocalCassandra implements AutoCloseable {

    /** Cassandra listens on loopback only. */
    public static final String HOST = "127.0.0.1";

    private static final System.Logger LOG = System.getLogger(LocalCassandra.class.getName());
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final LocalCassandraConfig config;
    /** Serializes stops: a second caller (close() racing the shutdown hook) waits for the first. */
    private final Object stopLock = new Object();
    private volatile Process process;
    private volatile boolean stopRequested;
    private volatile Thread shutdownHook;

    public LocalCassandra(LocalCassandraConfig config) {
        this.config = config;
    }

    /**
     * Starts Cassandra and waits until it serves CQL, at most {@link LocalCassandraConfig#startTimeout()}.
     *
     * @return this, for try-with-resources
     * @throws LocalCassandraException when a port is taken, the process dies or does not get ready in time;
     *                                 the process is gone then and the message ends with the log's tail
     * @throws IllegalStateException   when this instance is already running
     */
    public synchronized LocalCassandra start() {
        Process previous = process;
        if (previous != null) {
            if (previous.isAlive()) {
                throw new IllegalStateException("already started, pid " + previous.pid());
            }
            // it exited on its own: clear its pid file and hook before starting again
            stop();
        }
        synchronized (stopLock) {
            stopRequested = false;
        }
        Path data = config.dataDir();
        stopLeftover(data);
        checkPortsFree();
        // only now: a start refused for a taken port leaves no empty directory behind
        createDirectory(data);
        warnAboutJavaVersion();
        CassandraYaml.write(config);
        rotateLog();
        List<String> command = JvmCommand.build(config);
        LOG.log(Level.INFO, CasMessage.STARTING.format(data, config.cqlPort(), config.storagePort(),
                config.jmxPort(), config.heap()));
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(config.logFile().toFile()));
        // under the stop lock: a concurrent stop() (the shutdown hook) either sees the process or prevents it
        synchronized (stopLock) {
            if (stopRequested) {
                throw new LocalCassandraException(CasMessage.STOPPED_WHILE_STARTING);
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new LocalCassandraException(e, CasMessage.LAUNCH_FAILED, config.javaExecutable(), e.getMessage());
            }
        }
        try {
            // Cassandra reads nothing: EOF instead of a pipe that nobody writes and that dies with this JVM
            process.getOutputStream().close();
            PidFile.in(data).write(process.pid());
            if (config.stopOnJvmExit()) {
                addShutdownHook();
            }
            awaitCql(started);
        } catch (IOException e) {
            abort();
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Closing Cassandra's input", e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
        return this;
    }

    /**
     * Stops Cassandra: SIGTERM (Cassandra drains and flushes), SIGKILL after
     * {@link LocalCassandraConfig#stopTimeout()}. Returns when the process is gone; does nothing when it
     * is not running. Safe to call from any thread and more than once.
     */
    public void stop() {
        stopRequested = true;
        synchronized (stopLock) {
            Process running = process;
            if (running == null) {
                return;
            }
            long pid = running.pid();
            long begin = System.nanoTime();
            if (running.isAlive()) {
                LOG.log(Level.INFO, CasMessage.STOPPING.format(pid));
                if (CassandraProcesses.terminate(running.toHandle(), config.stopTimeout())) {
                    LOG.log(Level.INFO, CasMessage.STOPPED.format(millisSince(begin), pid));
                } else {
                    LOG.log(Level.WARNING, CasMessage.KILLED.format(config.stopTimeout().toSeconds(), pid));
                }
            }
            process = null;
            deletePidFileOf(pid);
            removeShutdownHook();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the Cassandra process of this instance is alive. */
    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** The Cassandra process id; empty when not started. */
    public OptionalLong pid() {
        Process running = process;
        return running == null ? OptionalLong.empty() : OptionalLong.of(running.pid());
    }

    /**
     * The exit code of a Cassandra process that has ended but was not stopped through {@link #stop()} yet
     * (which forgets the process); empty while it runs or when there is none.
     */
    public OptionalInt exitCode() {
        Process running = process;
        return running == null || running.isAlive() ? OptionalInt.empty() : OptionalInt.of(running.exitValue());
    }

    /**
     * Blocks until the Cassandra process ends, for a launcher that keeps Cassandra in the foreground.
     *
     * @return true when it ended because of {@link #stop()} (or the shutdown hook), false when it exited
     *         on its own (crash, {@code nodetool stopdaemon}); true also when it was not started
     */
    public boolean awaitExit() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return true;
        }
        running.waitFor();
        return stopRequested;
    }

    public LocalCassandraConfig config() {
        return config;
    }

    /** Where a driver connects: {@code 127.0.0.1:<cql port>}. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(HOST, config.cqlPort());
    }

    /** Whether a CQL server answers on {@code 127.0.0.1:port} (a native-protocol probe, 2 s timeout). */
    public static boolean isCqlServing(int port) {
        return CqlProbe.isServing(HOST, port, PROBE_TIMEOUT);
    }

    /** Whether a CQL server answers on {@code host:port} within {@code timeout}. */
    public static boolean isCqlServing(String host, int port, Duration timeout) {
        return CqlProbe.isServing(host, port, timeout);
    }

    /**
     * Stops the Cassandra that the pid file of {@code dataDir} names, as {@link #stop()} does, for a
     * Cassandra started by another JVM. A stale pid file is removed.
     *
     * @return true when a running Cassandra was stopped, false when there was none
     */
    public static boolean stopByPidFile(Path dataDir, Duration timeout) {
        return stopRecorded(dataDir.toAbsolutePath().normalize(), timeout, false);
    }

    private void stopLeftover(Path data) {
        stopRecorded(data, config.stopTimeout(), true);
    }

    private static boolean stopRecorded(Path data, Duration timeout, boolean leftover) {
        PidFile pidFile = PidFile.in(data);
        OptionalLong pid = pidFile.read();
        if (pid.isEmpty()) {
            if (!leftover) {
                LOG.log(Level.INFO, CasMessage.NOT_RUNNING.format(data));
            }
            pidFile.delete();
            return false;
        }
        Optional<ProcessHandle> cassandra = CassandraProcesses.running(data);
        if (cassandra.isEmpty()) {
            LOG.log(Level.INFO, CasMessage.STALE_PID_FILE.format(pidFile.file(), pid.getAsLong()));
            if (!leftover) {
                LOG.log(Level.INFO, CasMessage.NOT_RUNNING.format(data));
            }
            pidFile.delete();
            return false;
        }
        if (leftover) {
            LOG.log(Level.WARNING, CasMessage.LEFTOVER.format(data, pid.getAsLong()));
        } else {
            LOG.log(Level.INFO, CasMessage.STOPPING.format(pid.getAsLong()));
        }
        long begin = System.nanoTime();
        if (CassandraProcesses.terminate(cassandra.get(), timeout)) {
            LOG.log(Level.INFO, CasMessage.STOPPED.format(millisSince(begin), pid.getAsLong()));
        } else {
            LOG.log(Level.WARNING, CasMessage.KILLED.format(timeout.toSeconds(), pid.getAsLong()));
        }
        pidFile.delete();
        return true;
    }

    private void awaitCql(long started) {
        long deadline = started + config.startTimeout().toNanos();
        Process running = process;
        while (true) {
            if (!running.isAlive()) {
                if (stopRequested) {
                    throw new LocalCassandraException(CasMessage.STOPPED_WHILE_STARTING);
                }
                throw new LocalCassandraException(CasMessage.DIED, running.exitValue(), config.logFile(), logTail());
            }
            if (CqlProbe.isServing(HOST, config.cqlPort(), PROBE_TIMEOUT)) {
                LOG.log(Level.INFO, CasMessage.SERVING.format(config.cqlPort(), millisSince(started), running.pid()));
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                abort();
                throw new LocalCassandraException(CasMessage.START_TIMEOUT, config.cqlPort(),
                        config.startTimeout().toSeconds(), config.logFile(), logTail());
            }
            try {
                // doubles as the poll interval and returns at once when the process dies
                running.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                abort();
                Thread.currentThread().interrupt();
                throw new LocalCassandraException(e, CasMessage.INTERRUPTED, "waiting for CQL", running.pid());
            }
        }
    }

    /** Kills a process that failed to start and removes its traces (pid file, hook). */
    private void abort() {
        synchronized (stopLock) {
            Process running = process;
            if (running == null) {
                return;
            }
            running.destroyForcibly();
            // wait without the caller's interrupt flag, which would cut the wait short; it is restored below
            boolean interrupted = Thread.interrupted();
            try {
                running.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            process = null;
            try {
                deletePidFileOf(running.pid());
            } catch (LocalCassandraException e) {
                // the start failure is the news; a pid file naming a dead process is ignored later anyway
                LOG.log(Level.WARNING, e.getMessage());
            }
            removeShutdownHook();
        }
    }

    private void checkPortsFree() {
        checkPortFree(config.cqlPort(), "CQL");
        checkPortFree(config.storagePort(), "storage");
        checkPortFree(config.jmxPort(), "JMX");
    }

    private static void checkPortFree(int port, String purpose) {
        if (!CqlProbe.isPortFree(port)) {
            // without this check a foreign Cassandra on the CQL port would look like ours being ready
            String detail = "CQL".equals(purpose) && CqlProbe.isServing(HOST, port, PROBE_TIMEOUT)
                    ? "; a CQL server answers there (another Cassandra?)" : "";
            throw new LocalCassandraException(CasMessage.PORT_IN_USE, port, purpose, detail);
        }
    }

    private void warnAboutJavaVersion() {
        // only the launcher's own java can be checked without running it
        if (config.javaExecutable().equals(LocalCassandraConfig.defaultJavaExecutable())) {
            int feature = Runtime.version().feature();
            if (feature != 11 && feature != 17) {
                LOG.log(Level.WARNING, CasMessage.JAVA_VERSION.format(config.javaExecutable(), feature));
            }
        }
    }

    /** Keeps the previous run's log as {@code cassandra.log.1}: after a crash it is the one that matters. */
    private void rotateLog() {
        Path log = config.logFile();
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Rotating " + log, e);
        }
    }

    private void deletePidFileOf(long pid) {
        PidFile pidFile = PidFile.in(config.dataDir());
        OptionalLong recorded = pidFile.read();
        if (recorded.isEmpty() || recorded.getAsLong() == pid) {
            pidFile.delete();
        }
    }

    private String logTail() {
        return LogTail.of(config.logFile(), LOG_TAIL_LINES);
    }

    private void addShutdownHook() {
        Thread hook = new Thread(this::stop, "local-cassandra-stop-" + config.cqlPort());
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) anyway and finds nothing left to stop
            }
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Creating " + dir, e);
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
