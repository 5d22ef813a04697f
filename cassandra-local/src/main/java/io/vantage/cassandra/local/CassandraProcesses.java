package io.vantage.cassandra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds and stops Cassandra processes by pid, including ones started by another JVM (an earlier test
 * run, the command line's {@code start}).
 */
final class CassandraProcesses {

    /** How long to wait for the kernel after SIGKILL. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private CassandraProcesses() {
    }

    /**
     * The running Cassandra of {@code dataDir} according to its pid file. A pid file naming anything else
     * (the process is gone, or the pid was reused by another program) yields empty: it must never lead
     * to killing a stranger.
     */
    static Optional<ProcessHandle> running(Path dataDir) {
        OptionalLong pid = PidFile.in(dataDir).read();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(handle -> isCassandraOf(handle, dataDir));
    }

    /** Whether {@code handle} is alive and is a CassandraDaemon started for {@code dataDir}. */
    static boolean isCassandraOf(ProcessHandle handle, Path dataDir) {
        if (hasEnded(handle)) {
            return false;
        }
        ProcessHandle.Info info = handle.info();
        String storageDir = JvmCommand.STORAGE_DIR_FLAG + dataDir.toAbsolutePath().normalize();
        Optional<String[]> arguments = info.arguments();
        if (arguments.isPresent()) {
            List<String> args = Arrays.asList(arguments.get());
            return args.contains(JvmCommand.MAIN_CLASS) && args.contains(storageDir);
        }
        // some platforms only give the joined command line
        return info.commandLine()
                .map(line -> line.contains(JvmCommand.MAIN_CLASS) && line.contains(storageDir))
                .orElse(false);
    }

    /**
     * SIGTERM, which lets Cassandra drain and flush; SIGKILL if it is still there after {@code grace}.
     * Returns only when the process is gone (or after a last ten-second wait following SIGKILL).
     *
     * @return true when SIGTERM was enough, false when it had to be killed
     */
    static boolean terminate(ProcessHandle handle, Duration grace) {
        if (hasEnded(handle)) {
            return true;
        }
        handle.destroy();
        boolean interrupted = false;
        boolean graceful;
        try {
            graceful = awaitGone(handle, grace);
        } catch (InterruptedException e) {
            // the caller is being cancelled, but a half-stopped Cassandra must not stay behind
            interrupted = true;
            graceful = false;
        }
        if (!graceful) {
            handle.destroyForcibly();
            try {
                awaitGone(handle, KILL_WAIT);
            } catch (InterruptedException e) {
                interrupted = true;
                // SIGKILL is sent; the kernel removes the process without further help
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return graceful;
    }

    /**
     * Polls instead of {@code onExit()}: for a process that is not our child the JDK polls with sleeps
     * growing from 300 ms, which added up to half a second to every stop by pid file.
     */
    private static boolean awaitGone(ProcessHandle handle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasEnded(handle)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * Whether the process has ended: gone, or (Linux) a zombie with no thread left.
     *
     * <p>{@link ProcessHandle#isAlive()} stays true for a zombie, and zombies linger when the launcher that
     * started Cassandra has exited and the init process is slow to reap (1 to 2 s in some containers).
     * The main thread of a JVM shows as a zombie before the last threads are gone, though, and those
     * still hold the ports for a few hundred milliseconds: only a zombie without other threads has ended.
     */
    static boolean hasEnded(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        Path proc = Path.of("/proc", Long.toString(handle.pid()));
        if (!Files.isDirectory(proc)) {
            // no procfs (not Linux): isAlive() is all there is
            return false;
        }
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            return isZombie(proc) && tasks.count() <= 1;
        } catch (IOException | UncheckedIOException e) {
            // it vanished between the checks
            return !handle.isAlive();
        }
    }

    private static boolean isZombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
        // "pid (command) state ...": the command may contain spaces and parentheses, so look after the last ')'
        int close = stat.lastIndexOf(')');
        return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    }
}
