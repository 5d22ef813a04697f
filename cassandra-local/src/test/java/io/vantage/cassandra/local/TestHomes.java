package io.vantage.cassandra.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cassandra homes for unit tests: the real conf templates from the sources and a lib directory without
 * Cassandra, so a start fails fast (the JVM cannot find CassandraDaemon) instead of taking ten seconds.
 */
final class TestHomes {

    /** The module's conf sources; surefire runs in the module directory. */
    static final Path CONF_SOURCES = Path.of("src", "main", "cassandra", "conf");

    private TestHomes() {
    }

    /** {@code dir/conf} with the real files and {@code dir/lib/broken.jar}, an empty file. */
    static Path withoutCassandra(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(CONF_SOURCES)) {
            for (Path file : files) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("broken.jar"));
        return dir;
    }
}
