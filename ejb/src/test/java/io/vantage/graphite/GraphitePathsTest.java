package io.vantage.graphite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vantage.connector.api.GraphiteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphitePathsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long T = NOW.minusSeconds(10).toEpochMilli();
    private final GraphitePaths paths = GraphitePaths.fromSetting("collectd, telegraf.");

    @Test
    void a_collectd_path_names_its_host_then_the_metric() {
        GraphitePaths.Mapped mapped = paths.map(batch("collectd.web-01_example_com.load.load.shortterm"), NOW);
        GraphitePaths.NodeSamples samples = mapped.byNode().get("web-01_example_com");
        assertArrayEquals(new String[] {"load.load.shortterm"}, samples.metrics());
        assertArrayEquals(new long[] {T}, samples.timestamps());
    }

    @Test
    void a_path_without_a_known_prefix_starts_with_the_host() {
        GraphitePaths.Mapped mapped = paths.map(batch("db1.disk.sda.reads"), NOW);
        assertEquals(List.of("db1"), List.copyOf(mapped.byNode().keySet()));
    }

    @Test
    void lines_of_several_hosts_are_grouped_per_host_in_order() {
        GraphitePaths.Mapped mapped = paths.map(batch("a.cpu.user", "b.cpu.user", "a.cpu.system"), NOW);
        assertEquals(List.of("a", "b"), List.copyOf(mapped.byNode().keySet()));
        assertArrayEquals(new String[] {"cpu.user", "cpu.system"}, mapped.byNode().get("a").metrics());
    }

    @Test
    void paths_naming_no_host_and_metric_are_dropped_and_counted() {
        GraphitePaths.Mapped mapped = paths.map(batch("lonely", "collectd.onlyhost", "h.bad metric", "h..x", "h.ok"),
                NOW);
        assertEquals(4, mapped.unmapped());
        assertEquals(1, mapped.byNode().get("h").size());
    }

    @Test
    void lines_outside_the_kept_time_range_are_dropped_and_counted() {
        long old = NOW.minus(Duration.ofDays(40)).toEpochMilli();
        long future = NOW.plus(Duration.ofHours(1)).toEpochMilli();
        GraphiteBatch batch = new GraphiteBatch("127.0.0.1:1", new String[] {"h.a", "h.b", "h.c"},
                new long[] {old, future, T}, new double[] {1, 2, 3});
        GraphitePaths.Mapped mapped = paths.map(batch, NOW);
        assertEquals(2, mapped.outOfTime());
        assertArrayEquals(new double[] {3}, mapped.byNode().get("h").values());
    }

    private static GraphiteBatch batch(String... lines) {
        long[] timestamps = new long[lines.length];
        double[] values = new double[lines.length];
        java.util.Arrays.fill(timestamps, T);
        java.util.Arrays.fill(values, 1.5);
        return new GraphiteBatch("127.0.0.1:1", lines, timestamps, values);
    }
}
