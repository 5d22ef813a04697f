package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCollectorTest {

    @TempDir
    Path proc;

    @Test
    void processes_are_the_numbered_directories_and_threads_and_states_come_from_loadavg_and_stat()
            throws IOException {
        for (String entry : List.of("1", "42", "4242", "self", "sys", "net")) {
            Files.createDirectory(proc.resolve(entry));
        }
        Fixtures.copy("stat-2", proc.resolve("stat"));
        Fixtures.copy("loadavg", proc.resolve("loadavg"));

        List<Sample> samples = new ArrayList<>();
        new ProcessCollector(proc).collect(1_000L, samples);

        assertEquals(Map.of("proc.count", 3.0, "proc.threads", 467.0, "proc.running", 1.0, "proc.blocked", 0.0),
                Fixtures.byName(samples));
    }
}
