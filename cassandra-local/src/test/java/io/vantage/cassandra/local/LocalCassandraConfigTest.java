package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCassandraConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheStandardPortsHalfAGigabyteAndTheRunningJava() throws IOException {
        LocalCassandraConfig config = builder().build();

        assertEquals(9042, config.cqlPort());
        assertEquals(7000, config.storagePort());
        assertEquals(7199, config.jmxPort());
        assertEquals("512m", config.heap());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), config.javaExecutable());
        assertEquals(Duration.ofSeconds(120), config.startTimeout());
        assertEquals(Duration.ofSeconds(30), config.stopTimeout());
        assertTrue(config.stopOnJvmExit());
    }

    @Test
    void pathsBecomeAbsoluteBecauseCassandraRunsInAnotherWorkingDirectory() throws IOException {
        LocalCassandraConfig config = builder().dataDir(Path.of("target", "..", "target", "some-data")).build();

        assertTrue(config.dataDir().isAbsolute());
        assertEquals(Path.of("target", "some-data").toAbsolutePath(), config.dataDir());
        assertEquals(config.dataDir().resolve("cassandra.yaml"), config.yamlFile());
        assertEquals(config.dataDir().resolve("cassandra.log"), config.logFile());
        assertEquals(config.dataDir().resolve("cassandra.pid"), config.pidFile());
    }

    @Test
    void portsMustBeValidAndDistinct() throws IOException {
        assertBad(builder().cqlPort(0));
        assertBad(builder().jmxPort(70000));
        assertBad(builder().cqlPort(7000));
        assertBad(builder().storagePort(7199));
    }

    @Test
    void heapNeedsAUnitBecauseABareNumberMeansBytes() throws IOException {
        assertBad(builder().heap("512"));
        assertBad(builder().heap("lots"));
        assertEquals("1G", builder().heap("1G").build().heap());
    }

    @Test
    void clusterNameIsOneLineAndTimeoutsArePositive() throws IOException {
        assertBad(builder().clusterName(" "));
        assertBad(builder().clusterName("a\nb"));
        assertBad(builder().startTimeout(Duration.ZERO));
        assertBad(builder().stopTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void aHomeWithoutCassandraFilesIsRejectedAtBuild() {
        LocalCassandraException e = assertThrows(LocalCassandraException.class,
                () -> LocalCassandraConfig.builder().home(dir).dataDir(dir.resolve("data")).build());
        assertEquals(CasMessage.HOME_NOT_FOUND, e.reason());
        assertTrue(e.getMessage().startsWith("VANTAGE-CAS-0011 "), e.getMessage());
    }

    private LocalCassandraConfig.Builder builder() throws IOException {
        Path home = dir.resolve("home");
        if (!home.toFile().exists()) {
            TestHomes.withoutCassandra(home);
        }
        return LocalCassandraConfig.builder().home(home).dataDir(dir.resolve("data"));
    }

    private static void assertBad(LocalCassandraConfig.Builder builder) {
        LocalCassandraException e = assertThrows(LocalCassandraException.class, builder::build);
        assertEquals(CasMessage.BAD_CONFIG, e.reason());
    }
}
