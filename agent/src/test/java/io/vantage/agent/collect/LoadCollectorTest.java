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

class LoadCollectorTest {

    @TempDir
    Path dir;

    @Test
    void the_three_load_averages_are_read() throws IOException {
        Path loadavg = dir.resolve("loadavg");
        Fixtures.copy("loadavg", loadavg);

        List<Sample> samples = new ArrayList<>();
        new LoadCollector(loadavg).collect(1_000L, samples);

        assertEquals(Map.of("load.1m", 0.52, "load.5m", 0.58, "load.15m", 0.59), Fixtures.byName(samples));
    }

    @Test
    void a_value_that_is_not_a_number_is_an_error() throws IOException {
        Path loadavg = dir.resolve("loadavg");
        Files.writeString(loadavg, "0.52 high 0.59 1/467 12345\n");

        assertThrows(IOException.class, () -> new LoadCollector(loadavg).collect(1_000L, new ArrayList<>()));
    }
}
