package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Cassandra 5.0 from target/cassandra, started through the API on non-default ports (so a developer's
 * Cassandra on 9042/7000/7199 does not interfere), then stopped without a trace.
 */
class LocalCassandraIT {

    private static final int CQL = 19142;
    private static final int STORAGE = 17100;
    private static final int JMX = 17299;

    @Test
    void startsServesCqlAndStopsWithoutLeavingAProcessOrPort() throws Exception {
        Path data = ItSupport.freshDataDir("it-cassandra");
        // default home: target/cassandra next to the jar (or target/classes) this class was loaded from
        LocalCassandraConfig config = LocalCassandraConfig.builder()
                .dataDir(data).cqlPort(CQL).storagePort(STORAGE).jmxPort(JMX).build();
        long pid;
        long startMillis;
        long stopMillis;
        long rss;
        try (LocalCassandra cassandra = new LocalCassandra(config)) {
            long begin = System.nanoTime();
            cassandra.start();
            startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

            assertTrue(cassandra.isRunning());
            assertTrue(LocalCassandra.isCqlServing(CQL));
            pid = cassandra.pid().orElseThrow();
            assertEquals(pid, PidFile.in(data).read().orElseThrow());
            assertEquals(CQL, cassandra.contactPoint().getPort());
            assertTrue(Files.readString(config.logFile()).contains("Starting listening for CQL clients on /127.0.0.1:" + CQL));
            rss = ItSupport.rssMiB(pid);

            begin = System.nanoTime();
            cassandra.stop();
            stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        }

        assertTrue(ItSupport.gone(pid), "process " + pid + " is gone");
        assertFalse(LocalCassandra.isCqlServing(CQL));
        assertTrue(CqlProbe.isPortFree(CQL), "CQL port free");
        assertTrue(CqlProbe.isPortFree(STORAGE), "storage port free");
        assertTrue(CqlProbe.isPortFree(JMX), "JMX port free");
        assertFalse(Files.exists(config.pidFile()), "pid file removed");
        assertTrue(Files.readString(config.logFile()).contains("Cassandra shutdown complete"), "clean shutdown");
        System.out.printf("LocalCassandraIT: start %d ms, stop %d ms, RSS after start %d MiB%n", startMillis, stopMillis, rss);
    }
}
