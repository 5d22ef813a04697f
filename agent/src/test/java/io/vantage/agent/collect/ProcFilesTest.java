package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFilesTest {

    @TempDir
    Path dir;

    @Test
    void fields_are_split_on_runs_of_blanks_and_tabs_ignoring_those_at_either_end() {
        assertArrayEquals(new String[] {"8", "0", "sda", "42"}, ProcFiles.fields("   8       0 sda\t42  "));
        assertArrayEquals(new String[] {"3264", "0", "1621594"}, ProcFiles.fields("3264\t0\t1621594"));
        assertArrayEquals(new String[0], ProcFiles.fields("  \t "));
    }

    @Test
    void lines_are_split_at_newlines_keeping_empty_ones_and_adding_none_after_the_last_newline() throws IOException {
        assertEquals(List.of("a b", "", "c"), lines(Files.writeString(dir.resolve("f"), "a b\n\nc\n")));
        assertEquals(List.of("a", "last"), lines(Files.writeString(dir.resolve("g"), "a\nlast")));
        assertEquals(List.of(), lines(Files.writeString(dir.resolve("h"), "")));
    }

    @Test
    void a_file_larger_than_the_kept_buffer_is_read_whole() throws IOException {
        String line = "x".repeat(999);
        Path file = Files.writeString(dir.resolve("big"), (line + "\n").repeat(100));

        List<String> lines = lines(file);

        assertEquals(100, lines.size());
        assertEquals(line, lines.get(99));
    }

    @Test
    void a_line_consumer_may_read_another_file_meanwhile() throws IOException {
        Path outer = Files.writeString(dir.resolve("outer"), "1\n2\n");
        Path inner = Files.writeString(dir.resolve("inner"), "inner\n");
        List<String> seen = new ArrayList<>();

        ProcFiles.forEachLine(outer, line -> {
            seen.add(line);
            seen.add(ProcFiles.firstLine(inner, text -> true));
        });

        assertEquals(List.of("1", "inner", "2", "inner"), seen);
    }

    @Test
    void bytes_that_are_not_utf_8_become_replacement_characters_instead_of_failing_the_read() throws IOException {
        Path file = Files.write(dir.resolve("mounts"), new byte[] {'/', 'a', (byte) 0xff, '\n'});
        List<String> lines = new ArrayList<>();

        ProcFiles.forEachLine(file, StandardCharsets.UTF_8, lines::add);

        assertEquals(List.of("/a\ufffd"), lines);
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        ProcFiles.forEachLine(file, lines::add);
        return lines;
    }
}
