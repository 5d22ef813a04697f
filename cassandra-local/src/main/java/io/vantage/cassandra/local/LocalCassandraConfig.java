package io.vantage.cassandra.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run one local Cassandra: where its installation and its data are, its three ports, its heap and
 * the Java that runs it. Build one with {@link #builder()}; the constructor checks every value.
 *
 * @param home           installation with {@code lib/} and {@code conf/}, see {@link CassandraHome}
 * @param dataDir        all state of this instance: cassandra.yaml, data, commit log, log and pid file
 * @param cqlPort        native protocol (CQL) port, on 127.0.0.1
 * @param storagePort    inter-node port; also the seed address
 * @param jmxPort        local-only JMX port (nodetool)
 * @param heap           {@code -Xms}/{@code -Xmx} value such as {@code 512m}
 * @param javaExecutable the {@code java} that runs Cassandra; it must be Java 11 or 17
 * @param clusterName    cluster_name in cassandra.yaml; fixed once the data directory is initialized
 * @param startTimeout   how long {@link LocalCassandra#start()} waits for CQL
 * @param stopTimeout    how long {@link LocalCassandra#stop()} waits after SIGTERM before it kills
 * @param stopOnJvmExit  whether a JVM shutdown hook stops Cassandra if its owner never called stop
 */
public record LocalCassandraConfig(
        Path home,
        Path dataDir,
        int cqlPort,
        int storagePort,
        int jmxPort,
        String heap,
        Path javaExecutable,
        String clusterName,
        Duration startTimeout,
        Duration stopTimeout,
        boolean stopOnJvmExit) {

    public static final int DEFAULT_CQL_PORT = 9042;
    public static final int DEFAULT_STORAGE_PORT = 7000;
    public static final int DEFAULT_JMX_PORT = 7199;
    public static final String DEFAULT_HEAP = "512m";
    public static final String DEFAULT_CLUSTER_NAME = "Vantage Local";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    // a unit is required: a bare "-Xmx512" means 512 bytes
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

    public LocalCassandraConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        home = home.toAbsolutePath().normalize();
        // absolute: the paths go into cassandra.yaml and the command line of a JVM with another working dir
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("cqlPort", cqlPort);
        checkPort("storagePort", storagePort);
        checkPort("jmxPort", jmxPort);
        if (cqlPort == storagePort || cqlPort == jmxPort || storagePort == jmxPort) {
            throw new LocalCassandraException(CasMessage.BAD_CONFIG,
                    "the CQL, storage and JMX ports must differ: " + cqlPort + ", " + storagePort + ", " + jmxPort);
        }
        if (!HEAP.matcher(heap).matches()) {
            throw new LocalCassandraException(CasMessage.BAD_CONFIG,
                    "heap must be a size with unit such as 512m or 1g, not '" + heap + "'");
        }
        if (clusterName.isBlank() || clusterName.chars().anyMatch(Character::isISOControl)) {
            throw new LocalCassandraException(CasMessage.BAD_CONFIG, "clusterName must be one line of text");
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new LocalCassandraException(CasMessage.BAD_CONFIG, "timeouts must be positive");
        }
    }

    /** A builder with the defaults: ports 9042/7000/7199, heap 512m, the running JVM's java, 120 s/30 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code java} of the JVM this code runs in. */
    public static Path defaultJavaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code <data>/cassandra.yaml}, written at every start. */
    public Path yamlFile() {
        return dataDir.resolve("cassandra.yaml");
    }

    /** {@code <data>/cassandra.log}: Cassandra's standard output and error. */
    public Path logFile() {
        return dataDir.resolve("cassandra.log");
    }

    /** {@code <data>/cassandra.pid}. */
    public Path pidFile() {
        return PidFile.in(dataDir).file();
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new LocalCassandraException(CasMessage.BAD_CONFIG, name + " must be 1..65535, not " + port);
        }
    }

    /** Collects the settings; only {@link #dataDir(Path)} has no default. */
    public static final class Builder {
        private Path home;
        private Path dataDir;
        private int cqlPort = DEFAULT_CQL_PORT;
        private int storagePort = DEFAULT_STORAGE_PORT;
        private int jmxPort = DEFAULT_JMX_PORT;
        private String heap = DEFAULT_HEAP;
        private Path javaExecutable;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private boolean stopOnJvmExit = true;

        private Builder() {
        }

        /** The installation; default {@link CassandraHome#locate()}. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder cqlPort(int cqlPort) {
            this.cqlPort = cqlPort;
            return this;
        }

        public Builder storagePort(int storagePort) {
            this.storagePort = storagePort;
            return this;
        }

        public Builder jmxPort(int jmxPort) {
            this.jmxPort = jmxPort;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Default {@link LocalCassandraConfig#defaultJavaExecutable()}. */
        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** False for a Cassandra meant to outlive this JVM (the command line's {@code start}). */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * @throws LocalCassandraException when a value is wrong or no home is set and none is found
         * @throws NullPointerException    when no data directory was set
         */
        public LocalCassandraConfig build() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            return new LocalCassandraConfig(
                    home != null ? CassandraHome.validate(home) : CassandraHome.locate(),
                    dataDir, cqlPort, storagePort, jmxPort, heap,
                    javaExecutable != null ? javaExecutable : defaultJavaExecutable(),
                    clusterName, startTimeout, stopTimeout, stopOnJvmExit);
        }
    }
}
