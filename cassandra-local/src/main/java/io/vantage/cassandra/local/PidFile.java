package io.vantage.cassandra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The {@code cassandra.pid} file of a data directory: how a later command (the {@code stop} command, the
 * next start) finds the Cassandra this launcher left running.
 *
 * @param file the pid file
 */
public record PidFile(Path file) {

    /** The file name inside the data directory. */
    public static final String NAME = "cassandra.pid";

    /** The pid file of {@code dataDir}. */
    public static PidFile in(Path dataDir) {
        return new PidFile(dataDir.toAbsolutePath().normalize().resolve(NAME));
    }

    /** Writes {@code pid} and a newline, replacing any earlier content. */
    public void write(long pid) {
        try {
            Files.writeString(file, pid + System.lineSeparator(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Writing " + file, e);
        }
    }

    /** The pid in the file; empty when there is no file or its content is not a pid. */
    public OptionalLong read() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            long pid = Long.parseLong(text);
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            // a half-written or foreign file says nothing about a running Cassandra
            return OptionalLong.empty();
        }
    }

    /** Removes the file if it is there. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LocalCassandraException(e, CasMessage.IO_FAILED, "Deleting " + file, e);
        }
    }
}
