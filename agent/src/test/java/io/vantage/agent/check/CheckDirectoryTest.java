package io.vantage.agent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void reads_check_files_only_and_skips_invalid_ones() throws IOException {
        write("b.check", "command=/bin/b");
        write("a.check", "command=/bin/a\ninterval-seconds=5");
        write("broken.check", "command=relative");
        write("notes.txt", "command=/bin/ignored");
        write(".hidden.check", "command=/bin/ignored");
        Files.createDirectory(dir.resolve("sub.check"));

        List<CheckDefinition> definitions = new CheckDirectory(dir).refresh();

        assertEquals(List.of("a", "b"), names(definitions));
    }

    @Test
    void reads_again_only_after_a_file_changed_appeared_or_vanished() throws IOException {
        write("a.check", "command=/bin/a");
        CheckDirectory directory = new CheckDirectory(dir);
        assertEquals(List.of("a"), names(directory.refresh()));
        assertNull(directory.refresh());

        write("a.check", "command=/bin/a\nname=renamed");
        Files.setLastModifiedTime(dir.resolve("a.check"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(List.of("renamed"), names(directory.refresh()));
        assertNull(directory.refresh());

        write("b.check", "command=/bin/b");
        assertEquals(List.of("renamed", "b"), names(directory.refresh()));

        Files.delete(dir.resolve("a.check"));
        assertEquals(List.of("b"), names(directory.refresh()));
        assertNull(directory.refresh());
    }

    @Test
    void the_first_of_two_files_with_one_name_wins() throws IOException {
        write("one.check", "command=/bin/one\nname=same");
        write("two.check", "command=/bin/two\nname=same");

        List<CheckDefinition> definitions = new CheckDirectory(dir).refresh();

        assertEquals(1, definitions.size());
        assertEquals("/bin/one", definitions.get(0).command().get(0));
    }

    @Test
    void a_missing_directory_has_no_checks_until_it_appears() throws IOException {
        Path missing = dir.resolve("checks.d");
        CheckDirectory directory = new CheckDirectory(missing);
        assertTrue(directory.refresh().isEmpty());
        assertNull(directory.refresh());

        Files.createDirectory(missing);
        Files.writeString(missing.resolve("a.check"), "command=/bin/a");
        assertEquals(List.of("a"), names(directory.refresh()));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> names(List<CheckDefinition> definitions) {
        return definitions.stream().map(CheckDefinition::name).toList();
    }
}
