package io.vantage.cassandra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared steps of the integration tests that run a real Cassandra. */
final class ItSupport {

    private ItSupport() {
    }

    /**
     * A fresh data directory under {@code target/}. A Cassandra left running there by an aborted earlier
     * run is stopped first, else it would keep the test's ports.
     */
    static Path freshDataDir(String name) throws IOException {
        Path data = Path.of("target", name).toAbsolutePath();
        LocalCassandra.stopByPidFile(data, Duration.ofSeconds(30));
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(ItSupport::delete);
            }
        }
        return data;
    }

    /** The resident set size of a process in MiB (Linux), or -1. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux or already gone: the figure is informational only
        }
        return -1;
    }

    /** Whether the process has ended (a zombie counts as ended: it holds no ports or memory). */
    static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(CassandraProcesses::hasEnded).orElse(true);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
