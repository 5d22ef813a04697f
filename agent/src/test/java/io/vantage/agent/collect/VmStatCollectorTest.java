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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmStatCollectorTest {

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    @Test
    void swapping_and_paging_are_rates_per_second_since_the_previous_reading() throws IOException {
        Path vmstat = dir.resolve("vmstat");
        VmStatCollector collector = new VmStatCollector(vmstat, clock);
        Fixtures.copy("vmstat-1", vmstat);
        List<Sample> first = new ArrayList<>();
        collector.collect(1_000L, first);
        assertTrue(first.isEmpty(), "rates need two readings");
        clock.advanceSeconds(10);
        Fixtures.copy("vmstat-2", vmstat);

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        Map<String, Double> vm = Fixtures.byName(samples);
        assertEquals(5.0, vm.get("swap.in_pages_per_s"), 1e-9);
        assertEquals(20.0, vm.get("swap.out_pages_per_s"), 1e-9);
        assertEquals(50 * 1024.0, vm.get("paging.in_bytes_per_s"), 1e-9, "pgpgin counts KiB");
        assertEquals(200 * 1024.0, vm.get("paging.out_bytes_per_s"), 1e-9);
        assertEquals(3.0, vm.get("paging.major_faults_per_s"), 1e-9);
        assertEquals(5, samples.size());
    }

    @Test
    void a_counter_this_kernel_does_not_have_is_left_out() throws IOException {
        Path vmstat = Files.writeString(dir.resolve("vmstat"), "pgmajfault 10\n");
        VmStatCollector collector = new VmStatCollector(vmstat, clock);
        collector.collect(1_000L, new ArrayList<>());
        clock.advanceSeconds(1);
        Files.writeString(vmstat, "pgmajfault 12\n");

        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);

        assertEquals(Map.of("paging.major_faults_per_s", 2.0), Fixtures.byName(samples));
    }
}
