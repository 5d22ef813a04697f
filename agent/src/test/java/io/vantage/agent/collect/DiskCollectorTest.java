package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCollectorTest {

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private Path diskstats;
    private DiskCollector collector;

    @BeforeEach
    void firstReading() throws IOException {
        diskstats = dir.resolve("diskstats");
        collector = new DiskCollector(diskstats, clock);
        Fixtures.copy("diskstats-1", diskstats);
        List<Sample> first = new ArrayList<>();
        collector.collect(1_000L, first);
        assertTrue(first.isEmpty(), "rates need two readings");
    }

    @Test
    void rates_are_per_second_over_the_time_between_readings_with_sectors_of_512_bytes() throws IOException {
        // sda over 10 s: 2000 sectors read, 8000 written, 100 reads, 400 writes, 2500 ms busy
        Map<String, Double> disk = secondReading(10);

        assertEquals(2000 * 512 / 10.0, disk.get("disk.sda.read_bytes_per_s"), 1e-9);
        assertEquals(8000 * 512 / 10.0, disk.get("disk.sda.write_bytes_per_s"), 1e-9);
        assertEquals(10.0, disk.get("disk.sda.reads_per_s"), 1e-9);
        assertEquals(40.0, disk.get("disk.sda.writes_per_s"), 1e-9);
        assertEquals(25.0, disk.get("disk.sda.io_time_percent"), 1e-9);
    }

    @Test
    void loop_ram_and_zram_devices_and_devices_that_never_did_io_are_left_out() throws IOException {
        Map<String, Double> disk = secondReading(10);

        assertTrue(disk.keySet().stream().allMatch(name -> name.startsWith("disk.sda.")
                || name.startsWith("disk.sda1.") || name.startsWith("disk.nvme0n1.")), disk.keySet().toString());
        assertTrue(disk.containsKey("disk.sda1.writes_per_s"), "partitions are reported like whole disks");
    }

    @Test
    void a_counter_that_went_backwards_gives_no_rate_rather_than_a_negative_one() throws IOException {
        Map<String, Double> disk = secondReading(10);

        assertFalse(disk.containsKey("disk.sda1.reads_per_s"));
        assertFalse(disk.containsKey("disk.sda1.read_bytes_per_s"));
        assertEquals(0.0, disk.get("disk.sda1.writes_per_s"));
    }

    @Test
    void busy_time_is_capped_at_one_hundred_percent() throws IOException {
        // nvme0n1 accounts 20000 ms busy in 10 s
        assertEquals(100.0, secondReading(10).get("disk.nvme0n1.io_time_percent"));
    }

    private Map<String, Double> secondReading(long seconds) throws IOException {
        clock.advanceSeconds(seconds);
        Fixtures.copy("diskstats-2", diskstats);
        List<Sample> samples = new ArrayList<>();
        collector.collect(2_000L, samples);
        return Fixtures.byName(samples);
    }
}
