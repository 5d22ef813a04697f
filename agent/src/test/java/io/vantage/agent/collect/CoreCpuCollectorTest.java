package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCpuCollectorTest {

    @TempDir
    Path dir;

    @Test
    void the_first_reading_gives_no_percentages() throws IOException {
        Path stat = dir.resolve("stat");
        Fixtures.copy("stat-1", stat);

        List<Sample> samples = new ArrayList<>();
        new CoreCpuCollector(stat).collect(1_000L, samples);

        assertTrue(samples.isEmpty());
    }

    @Test
    void each_core_reports_the_share_of_each_kind_of_its_own_cpu_time() throws IOException {
        // per core between the fixtures: user 300, system 150, idle 400, iowait 50, softirq 50, steal 50
        Path stat = dir.resolve("stat");
        CoreCpuCollector collector = new CoreCpuCollector(stat);
        Fixtures.copy("stat-1", stat);
        collector.collect(1_000L, new ArrayList<>());
        Fixtures.copy("stat-2", stat);

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> cpu = Fixtures.byName(samples);
        assertEquals(12, samples.size());
        for (String core : List.of("0", "1")) {
            assertEquals(30.0, cpu.get("cpu." + core + ".user"), 1e-9);
            assertEquals(20.0, cpu.get("cpu." + core + ".system"), 1e-9);
            assertEquals(5.0, cpu.get("cpu." + core + ".iowait"), 1e-9);
            assertEquals(5.0, cpu.get("cpu." + core + ".steal"), 1e-9);
            assertEquals(40.0, cpu.get("cpu." + core + ".idle"), 1e-9);
            assertEquals(60.0, cpu.get("cpu." + core + ".total"), 1e-9);
        }
    }

    @Test
    void a_core_taken_offline_stops_reporting_and_the_others_go_on() throws IOException {
        Path stat = dir.resolve("stat");
        CoreCpuCollector collector = new CoreCpuCollector(stat);
        Files.writeString(stat, "cpu  20 0 0 20 0 0 0 0\ncpu0 10 0 0 10 0 0 0 0\ncpu1 10 0 0 10 0 0 0 0\n");
        collector.collect(1_000L, new ArrayList<>());
        Files.writeString(stat, "cpu  40 0 0 30 0 0 0 0\ncpu0 30 0 0 20 0 0 0 0\n");

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> cpu = Fixtures.byName(samples);
        assertEquals(Set.of("cpu.0.user", "cpu.0.system", "cpu.0.iowait", "cpu.0.steal", "cpu.0.idle",
                "cpu.0.total"), cpu.keySet());
        assertEquals(66.666, cpu.get("cpu.0.user"), 1e-3);
    }
}
