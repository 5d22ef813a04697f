package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCassandraMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aWrongCommandLinePrintsUsageAndExitsWithTwo() {
        assertEquals(2, execute("run"));
        assertTrue(text(err).startsWith("VANTAGE-CAS-0015 --data DIR is required"), text(err));
        assertTrue(text(err).contains("Usage: java -jar cassandra-local.jar"));
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, execute("help"));
        assertTrue(text(out).contains("run    start Cassandra and stay in the foreground"));
    }

    @Test
    void stopWithNothingRunningSucceeds() {
        assertEquals(0, execute("stop", "--data", dir.toString()));
    }

    @Test
    void aBadConfigurationExitsWithOne() throws Exception {
        Path home = TestHomes.withoutCassandra(dir.resolve("home"));

        assertEquals(1, execute("start", "--data", dir.resolve("data").toString(), "--home", home.toString(),
                "--heap", "64m", "--cql-port", "0"));
        assertTrue(text(err).startsWith("VANTAGE-CAS-0022 cqlPort must be 1..65535"), text(err));
    }

    private int execute(String... args) {
        return LocalCassandraMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
