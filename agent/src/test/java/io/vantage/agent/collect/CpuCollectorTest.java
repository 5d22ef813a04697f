package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

    @TempDir
    Path dir;

    @Test
    void the_first_reading_gives_no_percentages() throws IOException {
        Path stat = dir.resolve("stat");
        Fixtures.copy("stat-1", stat);

        List<Sample> samples = new ArrayList<>();
        new CpuCollector(stat).collect(1_000L, samples);

        assertTrue(samples.isEmpty());
    }

    @Test
    void two_readings_give_the_share_of_each_kind_of_cpu_time_in_between() throws IOException {
        // between the fixtures: user 600, nice 0, system 300, idle 800, iowait 100, irq 0, softirq 100, steal 100
        Path stat = dir.resolve("stat");
        CpuCollector collector = new CpuCollector(stat);
        Fixtures.copy("stat-1", stat);
        collector.collect(1_000L, new ArrayList<>());
        Fixtures.copy("stat-2", stat);

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> cpu = Fixtures.byName(samples);
        assertEquals(30.0, cpu.get("cpu.user"), 1e-9);
        assertEquals(20.0, cpu.get("cpu.system"), 1e-9, "system counts irq and softirq too");
        assertEquals(5.0, cpu.get("cpu.iowait"), 1e-9);
        assertEquals(5.0, cpu.get("cpu.steal"), 1e-9);
        assertEquals(40.0, cpu.get("cpu.idle"), 1e-9);
        assertEquals(60.0, cpu.get("cpu.total"), 1e-9);
        assertEquals(6, samples.size());
        samples.forEach(sample -> assertEquals(2_000L, sample.timestampMillis()));
    }

    @Test
    void a_counter_that_went_backwards_counts_as_no_time_rather_than_negative_time() throws IOException {
        Path stat = dir.resolve("stat");
        CpuCollector collector = new CpuCollector(stat);
        Files.writeString(stat, "cpu  100 0 100 1000 500 0 0 0 0 0\n");
        collector.collect(1_000L, new ArrayList<>());
        Files.writeString(stat, "cpu  200 0 200 1200 400 0 0 0 0 0\n");

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> cpu = Fixtures.byName(samples);
        assertEquals(0.0, cpu.get("cpu.iowait"), 1e-9);
        assertEquals(25.0, cpu.get("cpu.user"), 1e-9);
        assertEquals(50.0, cpu.get("cpu.idle"), 1e-9);
    }

    @Test
    void readings_within_one_clock_tick_give_no_percentages() throws IOException {
        Path stat = dir.resolve("stat");
        CpuCollector collector = new CpuCollector(stat);
        Fixtures.copy("stat-1", stat);
        collector.collect(1_000L, new ArrayList<>());

        List<Sample> samples = new ArrayList<>();
        collector.collect(1_001L, samples);

        assertTrue(samples.isEmpty());
    }

    @Test
    void a_file_without_the_aggregate_cpu_line_is_an_error() throws IOException {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "intr 1 2 3\n");

        assertThrows(IOException.class, () -> new CpuCollector(stat).collect(1_000L, new ArrayList<>()));
    }
}
