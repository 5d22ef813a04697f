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

class MemoryCollectorTest {

    private static final double KIB = 1024.0;

    @TempDir
    Path dir;

    @Test
    void used_memory_is_what_is_not_available_and_swap_used_is_what_is_not_free() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Fixtures.copy("meminfo", meminfo);

        Map<String, Double> memory = collect(meminfo);

        assertEquals(16_000_000 * KIB, memory.get("mem.total_bytes"));
        assertEquals(12_000_000 * KIB, memory.get("mem.available_bytes"));
        assertEquals(4_000_000 * KIB, memory.get("mem.used_bytes"));
        assertEquals(25.0, memory.get("mem.used_percent"), 1e-9);
        assertEquals(4_000_000 * KIB, memory.get("swap.total_bytes"));
        assertEquals(1_000_000 * KIB, memory.get("swap.used_bytes"));
        assertEquals(25.0, memory.get("swap.used_percent"), 1e-9);
    }

    @Test
    void without_mem_available_free_plus_buffers_plus_cache_counts_as_available() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Fixtures.copy("meminfo-old-kernel", meminfo);

        Map<String, Double> memory = collect(meminfo);

        assertEquals(600_000 * KIB, memory.get("mem.available_bytes"));
        assertEquals(40.0, memory.get("mem.used_percent"), 1e-9);
    }

    @Test
    void a_machine_without_swap_reports_zero_percent_swap_used() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Fixtures.copy("meminfo-old-kernel", meminfo);

        Map<String, Double> memory = collect(meminfo);

        assertEquals(0.0, memory.get("swap.total_bytes"));
        assertEquals(0.0, memory.get("swap.used_percent"));
    }

    @Test
    void a_file_without_mem_total_is_an_error() throws IOException {
        Path meminfo = dir.resolve("meminfo");
        Files.writeString(meminfo, "MemFree: 100 kB\n");

        assertThrows(IOException.class, () -> collect(meminfo));
    }

    private static Map<String, Double> collect(Path meminfo) throws IOException {
        List<Sample> samples = new ArrayList<>();
        new MemoryCollector(meminfo).collect(1_000L, samples);
        return Fixtures.byName(samples);
    }
}
