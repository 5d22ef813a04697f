package io.vantage.agent.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.MetricNames;
import io.vantage.protocol.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorSetTest {

    @TempDir
    Path proc;

    @Test
    void the_standard_collectors_report_every_documented_metric_under_a_valid_name() throws IOException {
        Fixtures.copy("stat-1", proc.resolve("stat"));
        Fixtures.copy("meminfo", proc.resolve("meminfo"));
        Fixtures.copy("loadavg", proc.resolve("loadavg"));
        CollectorSet collectors = CollectorSet.standard(proc);
        collectors.collect(1_000L);
        Fixtures.copy("stat-2", proc.resolve("stat"));

        List<Sample> samples = collectors.collect(2_000L);

        Set<String> names = samples.stream().map(Sample::metric).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "cpu.user", "cpu.system", "cpu.iowait", "cpu.steal", "cpu.idle", "cpu.total",
                "mem.total_bytes", "mem.used_bytes", "mem.available_bytes", "mem.used_percent",
                "swap.total_bytes", "swap.used_bytes", "swap.used_percent",
                "load.1m", "load.5m", "load.15m")), names);
        assertTrue(names.stream().allMatch(MetricNames::isValid));
    }

    @Test
    void a_failing_collector_costs_only_its_own_metrics() throws IOException {
        Fixtures.copy("loadavg", proc.resolve("loadavg"));
        CollectorSet collectors = CollectorSet.standard(proc); // no stat, no meminfo

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
}
