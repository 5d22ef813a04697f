package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.MetricNames;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorSetTest {

    /** df's answer for the root filesystem, so the test does not depend on whether this machine's has inodes. */
    private static final Inodes.Reader ROOT_INODES = mountPoints -> Map.of("/", new Inodes(1000, 100, 900));

    @TempDir
    Path proc;

    @TempDir
    Path sys;

    private final FakeClock clock = new FakeClock();

    @Test
    void the_standard_collectors_report_every_documented_metric_under_a_valid_name() throws IOException {
        procTree("1");
        CollectorSet collectors = CollectorSet.standard(proc, sys, clock, ROOT_INODES, 1);
        collectors.collect(1_000L);
        procTree("2");
        clock.advanceSeconds(10);

        List<Sample> samples = collectors.collect(2_000L);

        Set<String> names = samples.stream().map(Sample::metric).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(List.of(
                "cpu.user", "cpu.system", "cpu.iowait", "cpu.steal", "cpu.idle", "cpu.total",
                "mem.total_bytes", "mem.used_bytes", "mem.available_bytes", "mem.used_percent",
                "swap.total_bytes", "swap.used_bytes", "swap.used_percent",
                "swap.in_pages_per_s", "swap.out_pages_per_s",
                "paging.in_bytes_per_s", "paging.out_bytes_per_s", "paging.major_faults_per_s",
                "load.1m", "load.5m", "load.15m",
                "proc.count", "proc.threads", "proc.running", "proc.blocked",
                "fs.root.total_bytes", "fs.root.used_bytes", "fs.root.available_bytes", "fs.root.used_percent",
                "fs.root.inodes_total", "fs.root.inodes_used", "fs.root.inodes_free", "fs.root.inodes_used_percent",
                "fd.allocated", "fd.max", "system.uptime_seconds",
                "battery.BAT0.percent", "battery.BAT0.charging"));
        for (String core : List.of("0", "1")) {
            for (String kind : CpuShares.KINDS) {
                expected.add("cpu." + core + "." + kind);
            }
        }
        for (String kind : List.of("read_bytes_per_s", "write_bytes_per_s", "reads_per_s", "writes_per_s",
                "io_time_percent")) {
            expected.add("disk.sda." + kind);
            expected.add("disk.nvme0n1." + kind);
        }
        expected.addAll(List.of("disk.sda1.write_bytes_per_s", "disk.sda1.writes_per_s",
                "disk.sda1.io_time_percent"));
        for (String net : List.of("eth0", "eth0_100")) {
            for (String kind : List.of("rx_bytes_per_s", "tx_bytes_per_s", "rx_packets_per_s", "tx_packets_per_s",
                    "rx_errors_per_s", "tx_errors_per_s", "rx_dropped_per_s", "tx_dropped_per_s")) {
                expected.add("net." + net + "." + kind);
            }
        }
        assertEquals(expected, names);
        assertTrue(names.stream().allMatch(MetricNames::isValid));
    }

    @Test
    void a_failing_collector_costs_only_its_own_metrics() throws IOException {
        Fixtures.copy("loadavg", proc.resolve("loadavg"));
        // no stat, no meminfo, no other file
        CollectorSet collectors = CollectorSet.standard(proc, sys, clock, ROOT_INODES, 1);

        List<Sample> samples = collectors.collect(1_000L);

        assertEquals(Set.of("load.1m", "load.5m", "load.15m"),
                samples.stream().map(Sample::metric).collect(Collectors.toSet()));
    }

    @Test
    void samples_the_server_would_refuse_are_left_out_of_the_batch() {
        Collector careless = new Collector() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into) {
                into.add(new Sample("good.metric", timestampMillis, 1.0));
                into.add(new Sample("bad name", timestampMillis, 1.0));
                into.add(new Sample("not.finite", timestampMillis, Double.NaN));
            }
        };

        List<Sample> samples = new CollectorSet(List.of(careless)).collect(1_000L);

        assertEquals(List.of(new Sample("good.metric", 1_000L, 1.0)), samples);
    }

    @Test
    void a_collector_that_fails_half_way_adds_none_of_its_samples() {
        Collector halfWay = new Collector() {
            @Override
            public String name() {
                return "half-way";
            }

            @Override
            public void collect(long timestampMillis, List<Sample> into) throws IOException {
                into.add(new Sample("half.done", timestampMillis, 1.0));
                throw new IOException("device vanished");
            }
        };

        assertTrue(new CollectorSet(List.of(halfWay)).collect(1_000L).isEmpty());
    }

    @Test
    void inodes_are_counted_every_so_many_ticks_that_counts_are_at_least_the_inode_interval_apart() {
        assertEquals(6, CollectorSet.inodeEveryTicks(Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertEquals(9, CollectorSet.inodeEveryTicks(Duration.ofSeconds(7), Duration.ofSeconds(60)));
        assertEquals(1, CollectorSet.inodeEveryTicks(Duration.ofSeconds(120), Duration.ofSeconds(60)));
        assertEquals(0, CollectorSet.inodeEveryTicks(Duration.ofSeconds(10), Duration.ZERO));
    }

    @Test
    void names_are_checked_by_the_same_rule_as_the_protocols_metric_names() {
        List<String> names = new ArrayList<>(List.of("cpu.user", "a", "a.b.c", "disk.sda1:x-y_z.read", ".a", "a.",
                "a..b", ".", "", "a b", "a.b c", "fs.srv_my_data.used_percent", "é", "a/b", "x".repeat(200),
                "x".repeat(201), "a." + "b".repeat(198), "-:_", "A-Z.0-9"));
        Random random = new Random(42);
        String alphabet = "ab.-_:Z9 /é";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }

        for (String name : names) {
            assertEquals(MetricNames.isValid(name), CollectorSet.isValidName(name), name);
        }
    }

    /** A /proc and /sys as of the first or second reading; the root filesystem is measured for real. */
    private void procTree(String reading) throws IOException {
        Fixtures.copy("stat-" + reading, proc.resolve("stat"));
        Fixtures.copy("meminfo", proc.resolve("meminfo"));
        Fixtures.copy("loadavg", proc.resolve("loadavg"));
        Fixtures.copy("vmstat-" + reading, proc.resolve("vmstat"));
        Fixtures.copy("diskstats-" + reading, proc.resolve("diskstats"));
        Fixtures.copy("uptime", proc.resolve("uptime"));
        Files.createDirectories(proc.resolve("net"));
        Fixtures.copy("net-dev-" + reading, proc.resolve("net/dev"));
        Files.createDirectories(proc.resolve("sys/fs"));
        Fixtures.copy("file-nr", proc.resolve("sys/fs/file-nr"));
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/mounts"), "proc /proc proc rw 0 0\n/dev/vda / ext4 rw,relatime 0 0\n");
        Files.createDirectories(proc.resolve("1"));
        Path battery = Files.createDirectories(sys.resolve("class/power_supply/BAT0"));
        Files.writeString(battery.resolve("capacity"), "50\n");
        Files.writeString(battery.resolve("status"), "Discharging\n");
    }
}
