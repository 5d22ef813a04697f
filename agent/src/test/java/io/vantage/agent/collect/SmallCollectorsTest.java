package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors that read one line of one file. */
class SmallCollectorsTest {

    @TempDir
    Path dir;

    @Test
    void file_descriptors_are_the_allocated_count_and_the_system_limit() throws IOException {
        Path fileNr = dir.resolve("file-nr");
        Fixtures.copy("file-nr", fileNr);

        assertEquals(Map.of("fd.allocated", 3264.0, "fd.max", 1_621_594.0),
                collect(new FileDescriptorCollector(fileNr)));
    }

    @Test
    void uptime_is_the_first_number_of_proc_uptime() throws IOException {
        Path uptime = dir.resolve("uptime");
        Fixtures.copy("uptime", uptime);

        assertEquals(Map.of("system.uptime_seconds", 350_735.47), collect(new UptimeCollector(uptime)));
    }

    @Test
    void an_uptime_that_is_not_a_number_is_an_error() throws IOException {
        Path uptime = Files.writeString(dir.resolve("uptime"), "soon 1.0\n");

        assertThrows(IOException.class, () -> collect(new UptimeCollector(uptime)));
    }

    private static Map<String, Double> collect(Collector collector) throws IOException {
        List<Sample> samples = new ArrayList<>();
        collector.collect(1_000L, samples);
        return Fixtures.byName(samples);
    }
}
