package io.vantage.it;

import io.vantage.cassandra.local.LocalCassandra;
import io.vantage.cassandra.local.LocalCassandraConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole stack under test, started once per test JVM and stopped when it exits: a real Cassandra on its own
 * ports, and the built WildFly with the built EAR, shifted by a port offset so it never collides with a Vantage a
 * developer is running. The server works in its own base directory under {@code target/}, so the build's server
 * stays clean.
 */
final class RunningVantage {

    static final int PORT_OFFSET = 100;
    static final int HTTP_PORT = 8080 + PORT_OFFSET;
    static final int AGENT_PORT = 17170;
    static final int GRAPHITE_PORT = 12103;
    static final int CQL_PORT = 19242;
    /** Where the server's mail session sends; AlertNotificationIT listens there with a real SMTP server. */
    static final int SMTP_PORT = 13125;
    static final String ADMIN_PASSWORD = "it-admin-password";

    private static RunningVantage instance;

    private final LocalCassandra cassandra;
    private final Path serverHome;
    private final Path baseDir;
    private final Path itDir;
    private Process server;

    private RunningVantage(LocalCassandra cassandra, Path serverHome, Path baseDir, Path itDir) {
        this.cassandra = cassandra;
        this.serverHome = serverHome;
        this.baseDir = baseDir;
        this.itDir = itDir;
    }

    /** The running stack, started by the first caller. */
    static synchronized RunningVantage get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-vantage-under-test"));
        }
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + HTTP_PORT;
    }

    Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    /** The size of the server log now, to read what is logged after it with {@link #serverLogSince}. */
    long serverLogSize() {
        try {
            return Files.size(serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server logged once its log held {@code offset} bytes; all of it if the log was rotated since. */
    String serverLogSince(long offset) {
        try {
            byte[] log = Files.readAllBytes(serverLog());
            int from = log.length < offset ? 0 : (int) offset;
            return new String(log, from, log.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunningVantage start() {
        Path itDir = Path.of(System.getProperty("vantage.it.dir", "target/it"));
        Path serverHome = Path.of(required("vantage.server.home"));
        Path baseDir = itDir.resolve("wildfly");
        try {
            // a fresh stack per run: node ids restart with the database, so old samples must go with it
            deleteTree(itDir.resolve("cassandra"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalCassandra cassandra = new LocalCassandra(LocalCassandraConfig.builder()
                .home(Path.of(required("vantage.cassandra.home")))
                .dataDir(itDir.resolve("cassandra"))
                .cqlPort(CQL_PORT)
                .storagePort(17200)
                .jmxPort(17399)
                .stopOnJvmExit(true)
                .build()).start();
        try {
            deleteTree(baseDir);
            copyTree(serverHome.resolve("standalone"), baseDir);
            Files.copy(Path.of(required("vantage.ear")), baseDir.resolve("deployments/vantage.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
            RunningVantage vantage = new RunningVantage(cassandra, serverHome, baseDir, itDir);
            vantage.startServer();
            return vantage;
        } catch (IOException e) {
            cassandra.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cassandra.stop();
            throw e;
        }
    }

    /**
     * Kills the server as a power cut would (no shutdown), then starts it again on the same data and waits until the
     * application is deployed. Agents keep collecting meanwhile.
     */
    synchronized void killAndRestartServer(Duration down) {
        server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        try {
            server.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Waits.pause(down);
        try {
            Files.deleteIfExists(baseDir.resolve("deployments/vantage.ear.deployed"));
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops Cassandra (as an operator's restart would: drained and flushed), keeps it down for a while and starts it
     * again on the same data; returns once it serves CQL. The server keeps running meanwhile.
     */
    synchronized void stopCassandraFor(Duration down) {
        cassandra.stop();
        Waits.pause(down);
        cassandra.start();
    }

    private void startServer() throws IOException {
        List<String> command = new ArrayList<>(List.of(serverHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Dvantage.smtp.host=127.0.0.1",
                "-Dvantage.smtp.port=" + SMTP_PORT,
                "-Dvantage.mail.from=vantage@it.example"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(itDir.resolve("wildfly.out").toFile()));
        builder.environment().put("VANTAGE_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + CQL_PORT);
        builder.environment().put("VANTAGE_AGENT_PORT", Integer.toString(AGENT_PORT));
        builder.environment().put("VANTAGE_GRAPHITE_PORT", Integer.toString(GRAPHITE_PORT));
        builder.environment().put("VANTAGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true");
        server = builder.start();
        awaitDeployment(Duration.ofSeconds(240));
    }

    private void awaitDeployment(Duration timeout) {
        Path deployed = baseDir.resolve("deployments/vantage.ear.deployed");
        Path failed = baseDir.resolve("deployments/vantage.ear.failed");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployed)) {
                return;
            }
            if (Files.exists(failed) || !server.isAlive()) {
                stop();
                throw new IllegalStateException("Vantage did not deploy; see " + serverLog() + ": " + read(failed));
            }
            Waits.pause(Duration.ofMillis(250));
        }
        stop();
        throw new IllegalStateException("Vantage did not deploy within " + timeout + "; see " + serverLog());
    }

    private void stop() {
        if (server.isAlive()) {
            server.toHandle().descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            try {
                if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cassandra.stop();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
