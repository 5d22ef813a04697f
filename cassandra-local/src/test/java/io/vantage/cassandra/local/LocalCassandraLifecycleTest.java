package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start and stop without a real Cassandra: the home has no Cassandra jars, so the JVM dies at once, which
 * exercises the failure paths, the pid file and the handling of leftovers in about a second.
 */
class LocalCassandraLifecycleTest {

    @TempDir
    Path dir;

    private Path home;
    private Path data;
    private Process fake;

    @BeforeEach
    void home() throws IOException {
        home = TestHomes.withoutCassandra(dir.resolve("home"));
        data = dir.resolve("data");
    }

    @AfterEach
    void killFake() {
        if (fake != null) {
            fake.destroyForcibly();
        }
    }

    @Test
    void aJvmThatDiesWhileStartingFailsTheStartWithItsLogAndLeavesNothing() {
        LocalCassandra cassandra = new LocalCassandra(config(freePort(), freePort(), freePort()));

        LocalCassandraException e = assertThrows(LocalCassandraException.class, cassandra::start);

        assertEquals(CasMessage.DIED, e.reason());
        assertTrue(e.getMessage().contains("CassandraDaemon"), "log tail in: " + e.getMessage());
        assertFalse(cassandra.isRunning());
        assertTrue(cassandra.pid().isEmpty());
        assertFalse(Files.exists(data.resolve("cassandra.pid")));
        assertTrue(Files.exists(data.resolve("cassandra.yaml")));
    }

    @Test
    void aTakenPortFailsBeforeAnythingIsLaunched() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalCassandra cassandra = new LocalCassandra(config(freePort(), taken.getLocalPort(), freePort()));

            LocalCassandraException e = assertThrows(LocalCassandraException.class, cassandra::start);

            assertEquals(CasMessage.PORT_IN_USE, e.reason());
            assertTrue(e.getMessage().contains("(storage)"), e.getMessage());
            assertFalse(Files.exists(data.resolve("cassandra.log")), "nothing launched");
        }
    }

    @Test
    void startStopsTheLeftoverOfAnEarlierRunOnTheSameDataDirectory() throws Exception {
        fake = startFakeCassandra();
        PidFile.in(data).write(fake.pid());

        assertThrows(LocalCassandraException.class, new LocalCassandra(config(freePort(), freePort(), freePort()))::start);

        assertTrue(fake.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "leftover stopped");
    }

    @Test
    void stopByPidFileStopsTheRecordedCassandra() throws Exception {
        fake = startFakeCassandra();
        PidFile.in(data).write(fake.pid());

        assertTrue(LocalCassandra.stopByPidFile(data, Duration.ofSeconds(10)));

        assertFalse(fake.isAlive());
        assertFalse(Files.exists(data.resolve("cassandra.pid")));
        assertFalse(LocalCassandra.stopByPidFile(data, Duration.ofSeconds(10)), "nothing left to stop");
    }

    @Test
    void aPidFileNamingAnotherProgramIsIgnoredNotKilled() throws IOException {
        Files.createDirectories(data);
        // this very test JVM: alive, but not a Cassandra of the data directory
        PidFile.in(data).write(ProcessHandle.current().pid());

        assertFalse(LocalCassandra.stopByPidFile(data, Duration.ofSeconds(1)));

        assertFalse(Files.exists(data.resolve("cassandra.pid")), "stale pid file removed");
    }

    @Test
    void stopWithoutStartDoesNothing() {
        LocalCassandra cassandra = new LocalCassandra(config(freePort(), freePort(), freePort()));
        cassandra.stop();
        cassandra.close();
        assertFalse(cassandra.isRunning());
    }

    private LocalCassandraConfig config(int cql, int storage, int jmx) {
        // a small heap: the JVM pre-touches it before it finds out that Cassandra is missing
        return LocalCassandraConfig.builder().home(home).dataDir(data)
                .cqlPort(cql).storagePort(storage).jmxPort(jmx).heap("64m")
                .startTimeout(Duration.ofSeconds(30)).stopTimeout(Duration.ofSeconds(10)).build();
    }

    /** A JVM whose command line looks like the CassandraDaemon of {@code data}. */
    private Process startFakeCassandra() throws IOException {
        Files.createDirectories(data);
        String testClasses = Path.of(SleepingProcess.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        return new ProcessBuilder(List.of(LocalCassandraConfig.defaultJavaExecutable().toString(),
                JvmCommand.STORAGE_DIR_FLAG + data.toAbsolutePath().normalize(),
                "-cp", testClasses, SleepingProcess.class.getName(), JvmCommand.MAIN_CLASS))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
