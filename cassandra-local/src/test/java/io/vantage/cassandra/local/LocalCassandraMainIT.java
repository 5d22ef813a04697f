package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line as the run script uses it: {@code java -jar target/cassandra-local.jar start}, which exits
 * and leaves Cassandra running, then {@code stop} from another JVM by the pid file.
 */
class LocalCassandraMainIT {

    private static final int CQL = 19143;
    private static final Path JAR = Path.of("target", "cassandra-local.jar");

    @Test
    void startLeavesCassandraRunningAndStopEndsIt() throws Exception {
        Path data = ItSupport.freshDataDir("it-cassandra-cli");
        try {
            Result start = launcher("start", "--data", data.toString(),
                    "--cql-port", Integer.toString(CQL), "--storage-port", "17101", "--jmx-port", "17302");
            assertEquals(0, start.exitCode, start.output);
            assertTrue(start.output.contains("VANTAGE-CAS-0020 Cassandra ready on 127.0.0.1:" + CQL), start.output);
            long pid = PidFile.in(data).read().orElseThrow();
            assertTrue(start.output.contains("pid " + pid), start.output);
            assertTrue(LocalCassandra.isCqlServing(CQL), "serving after the launcher exited");

            Result stop = launcher("stop", "--data", data.toString());
            assertEquals(0, stop.exitCode, stop.output);
            assertTrue(stop.output.contains("VANTAGE-CAS-0004 Cassandra stopped"), stop.output);
            assertTrue(ItSupport.gone(pid), "process " + pid + " is gone");
            assertTrue(CqlProbe.isPortFree(CQL));
            assertFalse(Files.exists(PidFile.in(data).file()));
        } finally {
            // a failed assertion must not leave a Cassandra behind
            LocalCassandra.stopByPidFile(data, Duration.ofSeconds(30));
        }
    }

    private static Result launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LocalCassandraConfig.defaultJavaExecutable().toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(Path.of("target"), "launcher", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.isAlive() ? -1 : process.exitValue(), text);
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
