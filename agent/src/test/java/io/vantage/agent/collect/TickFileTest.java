package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickFileTest {

    @TempDir
    Path dir;

    @Test
    void the_file_is_read_once_per_tick_however_many_collectors_ask() throws IOException {
        Path file = Files.writeString(dir.resolve("stat"), "cpu 1\nintr 9\n");
        TickFile tickFile = new TickFile(file, line -> line.startsWith("cpu"));

        assertEquals(List.of("cpu 1"), tickFile.lines(1_000L));
        Files.writeString(file, "cpu 2\n");
        assertEquals(List.of("cpu 1"), tickFile.lines(1_000L), "same tick: the lines already read");
        assertEquals(List.of("cpu 2"), tickFile.lines(2_000L), "next tick: read afresh");
    }

    @Test
    void a_failed_read_is_not_answered_with_the_previous_ticks_lines() throws IOException {
        Path file = Files.writeString(dir.resolve("stat"), "cpu 1\n");
        TickFile tickFile = new TickFile(file, line -> true);
        tickFile.lines(1_000L);
        Files.delete(file);

        assertThrows(IOException.class, () -> tickFile.lines(2_000L));
        assertThrows(IOException.class, () -> tickFile.lines(2_000L));
    }
}
