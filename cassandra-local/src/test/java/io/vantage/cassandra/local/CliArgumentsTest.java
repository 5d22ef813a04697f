package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void runWithAllOptions() {
        CliArguments args = CliArguments.parse("run", "--data", "d", "--cql-port", "19142", "--storage-port=17100",
                "--jmx-port", "17299", "--heap", "1g", "--home", "h", "--timeout", "60");

        assertEquals(new CliArguments(CliArguments.Command.RUN, Path.of("d"), 19142, 17100, 17299, "1g",
                Path.of("h"), 60), args);
    }

    @Test
    void defaultsAreTheStandardPorts() {
        CliArguments args = CliArguments.parse("START", "--data", "d");

        assertEquals(CliArguments.Command.START, args.command());
        assertEquals(9042, args.cqlPort());
        assertEquals(7000, args.storagePort());
        assertEquals(7199, args.jmxPort());
        assertEquals("512m", args.heap());
        assertNull(args.home());
        assertEquals(Duration.ofSeconds(30), args.stopTimeout());
    }

    @Test
    void timeoutIsTheStopGraceForStop() {
        assertEquals(Duration.ofSeconds(5), CliArguments.parse("stop", "--data", "d", "--timeout", "5").stopTimeout());
    }

    @Test
    void helpNeedsNoDataDirectory() {
        assertEquals(CliArguments.Command.HELP, CliArguments.parse("--help").command());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertUsage("no command given");
        assertUsage("unknown command launch", "launch", "--data", "d");
        assertUsage("--data DIR is required", "run");
        assertUsage("unknown option --port", "run", "--data", "d", "--port", "1");
        assertUsage("missing value after --heap", "run", "--data", "d", "--heap");
        assertUsage("--cql-port needs a number", "run", "--data", "d", "--cql-port", "x");
        assertUsage("--timeout must be positive", "stop", "--data", "d", "--timeout", "0");
    }

    private static void assertUsage(String expected, String... args) {
        LocalCassandraException e = assertThrows(LocalCassandraException.class, () -> CliArguments.parse(args));
        assertEquals(CasMessage.USAGE, e.reason());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
