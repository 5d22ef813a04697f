package io.vantage.cassandra.local;

import java.io.PrintStream;
import java.util.OptionalLong;

/**
 * The command line: {@code java -jar cassandra-local.jar run|start|stop --data DIR [options]}, used by the
 * project's run script. See {@link CliArguments#USAGE}.
 *
 * <p>Standard output carries what scripts read: {@code VANTAGE-CAS-0020 Cassandra ready on 127.0.0.1:<port>}
 * and, for {@code start}, the pid line. Progress and problems are logged to standard error.
 * Exit codes: 0 done, 1 failed (or Cassandra exited on its own during {@code run}), 2 wrong command line;
 * {@code run} ended by SIGTERM/SIGINT exits like any JVM so ended (143/130) after Cassandra has stopped.
 */
public final class LocalCassandraMain {

    private LocalCassandraMain() {
    }

    public static void main(String[] args) {
        // one line per record instead of java.util.logging's default two; set before the first logger exists
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
        int code = execute(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the exit code. Blocks for {@code run} until Cassandra stops. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (LocalCassandraException e) {
            err.println(e.getMessage());
            err.println(CliArguments.USAGE);
            return 2;
        }
        try {
            switch (arguments.command()) {
                case RUN:
                    return run(arguments, out, err);
                case START:
                    return start(arguments, out);
                case STOP:
                    LocalCassandra.stopByPidFile(arguments.dataDir(), arguments.stopTimeout());
                    return 0;
                case HELP:
                default:
                    out.println(CliArguments.USAGE);
                    return 0;
            }
        } catch (LocalCassandraException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int run(CliArguments arguments, PrintStream out, PrintStream err) {
        LocalCassandra cassandra = new LocalCassandra(arguments.toConfig(false));
        // Our own hook rather than the launcher's stopOnJvmExit one: java.util.logging closes its handlers in a
        // shutdown hook of its own, so the stop would go unreported; stderr always works.
        Thread hook = new Thread(() -> {
            OptionalLong pid = cassandra.pid();
            cassandra.stop();
            if (pid.isPresent()) {
                err.println(CasMessage.SIGNAL_STOPPED.format(pid.getAsLong()));
                err.flush();
            }
        }, "local-cassandra-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            cassandra.start();
        } catch (LocalCassandraException e) {
            // start() left nothing running; the hook would only report a stop that did not happen
            removeHook(hook);
            throw e;
        }
        out.println(CasMessage.READY.format(arguments.cqlPort()));
        out.flush();
        try {
            if (cassandra.awaitExit()) {
                // stopped by the hook: the JVM is on its way out
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long pid = cassandra.pid().orElse(-1);
            cassandra.stop();
            removeHook(hook);
            err.println(CasMessage.INTERRUPTED.format("waiting for Cassandra to exit", pid));
            return 1;
        }
        err.println(CasMessage.EXITED.format(cassandra.exitCode().orElse(-1), cassandra.config().logFile()));
        // clears the pid file of the dead process
        cassandra.stop();
        removeHook(hook);
        return 1;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds Cassandra stopped
        }
    }

    private static int start(CliArguments arguments, PrintStream out) {
        LocalCassandra cassandra = new LocalCassandra(arguments.toConfig(false)).start();
        out.println(CasMessage.READY.format(arguments.cqlPort()));
        out.println(CasMessage.STARTED_DETACHED.format(cassandra.pid().orElse(-1), cassandra.config().pidFile()));
        out.flush();
        return 0;
    }
}
