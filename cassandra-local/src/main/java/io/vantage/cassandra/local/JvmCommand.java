package io.vantage.cassandra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of the Cassandra JVM: the static flags of {@code conf/jvm-server.options},
 * then the flags that depend on the configuration, then classpath and main class.
 */
public final class JvmCommand {

    /** Cassandra's server entry point. */
    public static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    /** The flag that names the instance's data directory; also how a running instance is recognized. */
    public static final String STORAGE_DIR_FLAG = "-Dcassandra.storagedir=";

    private JvmCommand() {
    }

    /**
     * The full command, {@code java} first, for {@code config}; reads the home's options file.
     *
     * @throws LocalCassandraException when the options file cannot be read
     */
    public static List<String> build(LocalCassandraConfig config) {
        Path file = CassandraHome.optionsFile(config.home());
        try {
            return build(config, parseOptions(Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Reading " + file, e);
        }
    }

    /** The full command with the given static flags. */
    public static List<String> build(LocalCassandraConfig config, List<String> staticOptions) {
        Path data = config.dataDir();
        List<String> command = new ArrayList<>();
        command.add(config.javaExecutable().toString());
        command.addAll(staticOptions);
        // after the static flags: for a repeated flag the JVM takes the last one
        command.add("-Xms" + config.heap());
        command.add("-Xmx" + config.heap());
        // dumps and crash reports belong to the instance, not to whatever directory launched it
        command.add("-XX:HeapDumpPath=" + data);
        command.add("-XX:ErrorFile=" + data.resolve("hs_err_pid%p.log"));
        command.add("-Dcassandra.config=" + config.yamlFile().toUri());
        command.add(STORAGE_DIR_FLAG + data);
        command.add("-Dcassandra.logdir=" + data.resolve("logs"));
        command.add("-Dcassandra.triggers_dir=" + data.resolve("triggers"));
        command.add("-Dcassandra.jmx.local.port=" + config.jmxPort());
        // keep logging to stdout (the launcher's log file); without it Cassandra closes stdout and stderr
        command.add("-Dcassandra-foreground=yes");
        // development and tests only: a single node has no ring to wait for; start drops from ~40 s to ~9 s
        command.add("-Dcassandra.ring_delay_ms=100");
        command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        // likewise no peer to tell about the shutdown or to drain connections to: stop drops from ~6 s to ~2 s
        command.add("-Dcassandra.shutdown_announce_in_ms=0");
        command.add("-Dcassandra.test.messagingService.nonGracefulShutdown=true");
        command.add("-cp");
        command.add(CassandraHome.classpath(config.home()));
        command.add(MAIN_CLASS);
        return command;
    }

    /**
     * The flags of an options file: lines that start with {@code -}, trimmed. {@code --add-opens X} style
     * lines become {@code --add-opens=X}: a process argument with a space would reach the JVM as one word.
     */
    public static List<String> parseOptions(List<String> lines) {
        List<String> options = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.trim();
            if (!line.startsWith("-")) {
                continue;
            }
            if (line.startsWith("--")) {
                line = line.replaceFirst("\\s+", "=");
            }
            options.add(line);
        }
        return options;
    }
}
