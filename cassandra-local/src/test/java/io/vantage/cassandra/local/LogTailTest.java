package io.vantage.cassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void givesTheLastLines() throws IOException {
        Path log = dir.resolve("cassandra.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertEquals(String.join(System.lineSeparator(), "line 98", "line 99", "line 100"), LogTail.of(log, 3));
    }

    @Test
    void saysWhenThereIsNoLog() throws IOException {
        assertTrue(LogTail.of(dir.resolve("missing.log"), 5).startsWith("(no log file"));
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertTrue(LogTail.of(empty, 5).contains("is empty"));
    }
}
