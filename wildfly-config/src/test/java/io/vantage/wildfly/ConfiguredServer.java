package io.vantage.wildfly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server built by this module, started with {@code bin/standalone.sh -c standalone-full.xml}
 * on a throwaway copy of its {@code standalone/configuration} (its own base directory), so a test
 * run never writes into the built server's {@code standalone} directory.
 */
final class ConfiguredServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String REALM = "ManagementRealm";
    private static final long BOOT_TIMEOUT_MILLIS = 120_000;

    private final Path home;
    private final Path baseDir;
    private final int portOffset;
    private final String user = "vantage-it";
    private final String password = UUID.randomUUID().toString();
    private Process process;

    ConfiguredServer(Path home, Path baseDir, int portOffset) {
        this.home = home;
        this.baseDir = baseDir;
        this.portOffset = portOffset;
    }

    int managementPort() {
        return 9990 + portOffset;
    }

    ManagementClient client() {
        return new ManagementClient(HOST, managementPort(), user, password);
    }

    /** Copies the configuration, adds a management user, starts the server and waits until it runs. */
    ConfiguredServer start() throws IOException, InterruptedException {
        requirePortFree(managementPort());
        deleteRecursively(baseDir);
        copyRecursively(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        addManagementUser();

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        process = builder.start();
        awaitRunning();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        try {
            client().execute(ManagementClient.op("shutdown"));
        } catch (IOException e) {
            /* not reachable: fall through to killing the processes */
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitRunning() throws InterruptedException, IOException {
        ManagementClient client = client();
        long deadline = System.currentTimeMillis() + BOOT_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + consoleTail());
            }
            try {
                String state = client.execute(ManagementClient.op("read-attribute").add("name", "server-state"))
                        .getString("result", "");
                if ("running".equals(state)) {
                    return;
                }
            } catch (IOException notYetListening) {
                /* the management interface is not up yet */
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server not running after " + BOOT_TIMEOUT_MILLIS + " ms:\n" + consoleTail());
    }

    /** mgmt-users.properties stores HEX(MD5(user:realm:password)), as add-user.sh writes it. */
    private void addManagementUser() throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            Files.writeString(baseDir.resolve("configuration/mgmt-users.properties"),
                    System.lineSeparator() + user + "=" + HexFormat.of().formatHex(digest) + System.lineSeparator(),
                    StandardOpenOption.APPEND);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String consoleTail() throws IOException {
        List<String> lines = Files.readAllLines(baseDir.resolve("console.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void requirePortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            /* bound, so free: close it again */
        } catch (IOException inUse) {
            throw new IllegalStateException("port " + port + " is taken: is another server running with the same offset?", inUse);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.delete(path);
            }
        }
    }
}
