package io.vantage.cassandra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The parsed command line of {@link LocalCassandraMain}.
 *
 * @param command        what to do
 * @param dataDir        {@code --data}, required
 * @param cqlPort        {@code --cql-port}
 * @param storagePort    {@code --storage-port}
 * @param jmxPort        {@code --jmx-port}
 * @param heap           {@code --heap}
 * @param home           {@code --home}, or null for {@link CassandraHome#locate()}
 * @param timeoutSeconds {@code --timeout}: the start wait for run/start, the SIGTERM grace for stop;
 *                       0 for the default
 */
public record CliArguments(
        Command command,
        Path dataDir,
        int cqlPort,
        int storagePort,
        int jmxPort,
        String heap,
        Path home,
        long timeoutSeconds) {

    /** The usage text, printed for {@code help} and after a wrong command line. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar cassandra-local.jar COMMAND --data DIR [options]",
            "Commands:",
            "  run    start Cassandra and stay in the foreground until SIGTERM or Ctrl+C stops it",
            "  start  start Cassandra, print its pid and exit, leaving it running",
            "  stop   stop the Cassandra of --data DIR (by its pid file)",
            "  help   print this text",
            "Options:",
            "  --data DIR          data directory (cassandra.yaml, data, cassandra.log, cassandra.pid)",
            "  --cql-port N        CQL port on 127.0.0.1 (default 9042)",
            "  --storage-port N    inter-node port (default 7000)",
            "  --jmx-port N        local JMX port (default 7199)",
            "  --heap SIZE         heap, for example 512m or 1g (default 512m)",
            "  --home DIR          Cassandra home with lib/ and conf/ (default: cassandra next to this jar)",
            "  --timeout SECONDS   run/start: wait for CQL (default 120); stop: wait before SIGKILL (default 30)");

    /** The commands. */
    public enum Command {
        RUN, START, STOP, HELP
    }

    /**
     * Parses {@code args}; options may be written {@code --name value} or {@code --name=value}.
     *
     * @throws LocalCassandraException ({@link CasMessage#USAGE}) naming the first problem
     */
    public static CliArguments parse(String... args) {
        if (args.length == 0) {
            throw usage("no command given");
        }
        Command command = command(args[0]);
        Path data = null;
        int cql = LocalCassandraConfig.DEFAULT_CQL_PORT;
        int storage = LocalCassandraConfig.DEFAULT_STORAGE_PORT;
        int jmx = LocalCassandraConfig.DEFAULT_JMX_PORT;
        String heap = LocalCassandraConfig.DEFAULT_HEAP;
        Path home = null;
        long timeout = 0;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw usage("missing value after " + name);
            }
            switch (name) {
                case "--data":
                    data = Path.of(value);
                    break;
                case "--cql-port":
                    cql = number(name, value);
                    break;
                case "--storage-port":
                    storage = number(name, value);
                    break;
                case "--jmx-port":
                    jmx = number(name, value);
                    break;
                case "--heap":
                    heap = value;
                    break;
                case "--home":
                    home = Path.of(value);
                    break;
                case "--timeout":
                    timeout = number(name, value);
                    if (timeout <= 0) {
                        throw usage("--timeout must be positive");
                    }
                    break;
                default:
                    throw usage("unknown option " + name);
            }
        }
        if (data == null && command != Command.HELP) {
            throw usage("--data DIR is required");
        }
        return new CliArguments(command, data, cql, storage, jmx, heap, home, timeout);
    }

    /** The launcher configuration these arguments describe. */
    public LocalCassandraConfig toConfig(boolean stopOnJvmExit) {
        LocalCassandraConfig.Builder builder = LocalCassandraConfig.builder()
                .home(home)
                .dataDir(dataDir)
                .cqlPort(cqlPort)
                .storagePort(storagePort)
                .jmxPort(jmxPort)
                .heap(heap)
                .stopOnJvmExit(stopOnJvmExit);
        if (timeoutSeconds > 0) {
            builder.startTimeout(Duration.ofSeconds(timeoutSeconds));
        }
        return builder.build();
    }

    /** The SIGTERM grace for {@code stop}. */
    public Duration stopTimeout() {
        return timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : LocalCassandraConfig.DEFAULT_STOP_TIMEOUT;
    }

    private static Command command(String word) {
        String normalized = word.toLowerCase(Locale.ROOT);
        if ("--help".equals(normalized) || "-h".equals(normalized)) {
            return Command.HELP;
        }
        for (Command command : Command.values()) {
            if (command.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return command;
            }
        }
        throw usage("unknown command " + word);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw usage(name + " needs a number, not '" + value + "'");
        }
    }

    private static LocalCassandraException usage(String problem) {
        return new LocalCassandraException(CasMessage.USAGE, problem);
    }
}
