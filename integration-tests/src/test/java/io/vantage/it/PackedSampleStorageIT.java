package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vantage.ClockProducer;
import io.vantage.ServiceLog;
import io.vantage.infrastructure.cassandra.CassandraSampleRepository;
import io.vantage.infrastructure.cassandra.CassandraSessions;
import io.vantage.infrastructure.cassandra.SampleCompactor;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packed sample store against the real Cassandra: what a batch writes to the sample log reads back the same
 * before and after the compactor rewrites its hour as series blocks, late samples of a compacted hour join its
 * blocks, and samples stored by schema version 1 (a row each) are still read beside the packed ones.
 */
@ExtendWith(ArquillianExtension.class)
class PackedSampleStorageIT {

    private static final long HOUR = 3_600_000L;

    @Deployment
    static WebArchive storageUnderTest() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "packed-sample-storage-test.war")
                .addPackages(false, CassandraSampleRepository.class.getPackage())
                .addClasses(ServiceLog.class, ClockProducer.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
        return ApplicationLibraries.addTo(war, ApplicationLibraries::withoutPersistenceUnit);
    }

    @Inject
    SampleRepository samples;

    @Inject
    SampleCompactor compactor;

    @Inject
    CassandraSessions sessions;

    @Test
    void a_closed_hour_reads_the_same_after_compaction_and_leaves_the_sample_log() {
        long node = newNode();
        long hourStart = closedHourStart(3);
        samples.append(batch(node, 1, new String[] {"cpu.user", "load.1m", "cpu.user"},
                new long[] {hourStart + 10_000, hourStart + 10_000, hourStart + 20_000}, new double[] {1, 0.5, 2}));
        samples.append(batch(node, 2, new String[] {"cpu.user"}, new long[] {hourStart + 30_000}, new double[] {3}));
        List<SamplePoint> before = read(node, "cpu.user", hourStart, hourStart + HOUR);

        compactLater();

        assertEquals(List.of(1.0, 2.0, 3.0), before.stream().map(SamplePoint::value).toList());
        assertEquals(before, read(node, "cpu.user", hourStart, hourStart + HOUR), "the same samples from blocks");
        assertEquals(List.of(0.5), values(read(node, "load.1m", hourStart, hourStart + HOUR)));
        assertEquals(0, count("SELECT count(*) FROM sample_log WHERE org_id = 1 AND node_id = ? AND hour = ?",
                node, (int) (hourStart / HOUR)), "the log's hour is emptied");
        assertEquals(1, count("SELECT count(*) FROM sample_blocks WHERE org_id = 1 AND node_id = ? AND metric = ?"
                + " AND day = ?", node, "cpu.user", (int) (hourStart / HOUR / 24)), "one block for the series' hour");
    }

    @Test
    void late_samples_of_a_compacted_hour_join_its_blocks_and_a_replay_stays_one_sample() {
        long node = newNode();
        long hourStart = closedHourStart(5);
        MetricBatch first = batch(node, 1, new String[] {"disk.used"}, new long[] {hourStart + 1_000},
                new double[] {10});
        samples.append(first);
        compactLater();

        samples.append(first); // an agent replaying its spool after an outage
        samples.append(batch(node, 2, new String[] {"disk.used"}, new long[] {hourStart + 2_000}, new double[] {20}));
        assertEquals(List.of(10.0, 20.0), values(read(node, "disk.used", hourStart, hourStart + HOUR)),
                "late samples are read from the log beside the blocks");
        compactLater();

        assertEquals(List.of(10.0, 20.0), values(read(node, "disk.used", hourStart, hourStart + HOUR)));
    }

    @Test
    void two_different_batches_with_the_same_time_source_and_sequence_are_both_kept() {
        long node = newNode();
        long at = closedHourStart(2) + 60_000;
        // as Graphite sends them: no agent sequence, one interval's timestamp, split into batches of lines
        samples.append(new MetricBatch(1, node, "graphite", 0, new String[] {"if.eth0.rx", "if.eth0.tx"},
                new long[] {at, at}, new double[] {1, 2}));
        samples.append(new MetricBatch(1, node, "graphite", 0, new String[] {"if.eth1.rx", "if.eth1.tx"},
                new long[] {at, at}, new double[] {3, 4}));

        assertEquals(List.of(3.0), values(read(node, "if.eth1.rx", at, at + 1)));
        assertEquals(List.of(1.0), values(read(node, "if.eth0.rx", at, at + 1)));
        compactLater();
        assertEquals(List.of(2.0), values(read(node, "if.eth0.tx", at, at + 1)));
        assertEquals(List.of(4.0), values(read(node, "if.eth1.tx", at, at + 1)));
    }

    @Test
    void a_series_read_across_hours_and_days_comes_back_in_order_and_stops_at_the_limit() {
        long node = newNode();
        long start = closedHourStart(30);
        int count = 40;
        String[] metrics = new String[count];
        long[] timestamps = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            metrics[i] = "net.rx_bytes";
            timestamps[i] = start + i * HOUR / 2 + 7;
            values[i] = i;
        }
        samples.append(batch(node, 1, metrics, timestamps, values)); // one batch over 20 hours

        List<SamplePoint> all = read(node, "net.rx_bytes", start, start + 20 * HOUR);
        compactLater();
        List<SamplePoint> firstTen = samples.samples(1, node, "net.rx_bytes", Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start + 20 * HOUR), 10);

        assertEquals(count, all.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, all.get(i).value());
        }
        assertEquals(all.subList(0, 10), firstTen);
        assertEquals(all, read(node, "net.rx_bytes", start, start + 20 * HOUR));
    }

    @Test
    void samples_and_latest_values_stored_by_schema_version_1_are_read_beside_packed_ones() {
        long node = newNode();
        long now = System.currentTimeMillis();
        int day = (int) Math.floorDiv(now - 2_000, 24 * HOUR);
        sessions.session().execute(SimpleStatement.newInstance("INSERT INTO samples (org_id, node_id, metric, day, ts,"
                + " value) VALUES (1, ?, 'mem.used', ?, ?, 1)", node, day, Instant.ofEpochMilli(now - 2_000)));
        sessions.session().execute(SimpleStatement.newInstance("INSERT INTO latest_samples (org_id, node_id, metric,"
                + " ts, value) VALUES (1, ?, ?, ?, ?)", node, "mem.used", Instant.ofEpochMilli(now - 2_000), 1.0));
        sessions.session().execute(SimpleStatement.newInstance("INSERT INTO latest_samples (org_id, node_id, metric,"
                + " ts, value) VALUES (1, ?, ?, ?, ?)", node, "swap.used", Instant.ofEpochMilli(now - 5_000), 7.0));
        samples.append(batch(node, 1, new String[] {"mem.used"}, new long[] {now - 1_000}, new double[] {2}));

        assertEquals(List.of(1.0, 2.0), values(read(node, "mem.used", now - HOUR, now + HOUR)));
        Map<String, Double> latest = samples.latest(1, node).stream()
                .collect(Collectors.toMap(LatestValue::metric, LatestValue::value));
        assertEquals(Map.of("mem.used", 2.0, "swap.used", 7.0), latest);
    }

    @Test
    void the_latest_value_of_many_metrics_survives_batches_that_each_carry_some_of_them() {
        long node = newNode();
        long now = System.currentTimeMillis();
        String[] metrics = new String[300];
        long[] timestamps = new long[300];
        double[] values = new double[300];
        for (int i = 0; i < 300; i++) {
            metrics[i] = "fs.mount" + i + ".used";
            timestamps[i] = now - 60_000;
            values[i] = i;
        }
        samples.append(batch(node, 1, metrics, timestamps, values));
        samples.append(batch(node, 2, new String[] {"fs.mount7.used"}, new long[] {now}, new double[] {-7}));
        samples.append(batch(node, 3, new String[] {"fs.mount8.used"}, new long[] {now - 120_000},
                new double[] {-8}));

        Map<String, Double> latest = samples.latest(1, node).stream()
                .collect(Collectors.toMap(LatestValue::metric, LatestValue::value));
        assertEquals(300, latest.size());
        assertEquals(-7.0, latest.get("fs.mount7.used"), "a newer value replaces the stored one");
        assertEquals(8.0, latest.get("fs.mount8.used"), "an older one does not");
        assertEquals(299.0, latest.get("fs.mount299.used"));
    }

    private void compactLater() {
        // every write so far is confirmed, so no margin is needed for writes still in flight
        compactor.compactClosedHours(Instant.now(), Duration.ZERO, true);
    }

    private static long closedHourStart(int hoursAgo) {
        long now = System.currentTimeMillis();
        return (now / HOUR - hoursAgo) * HOUR;
    }

    private static long newNode() {
        // far above anything the application creates, so tests never read each other's series
        return ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
    }

    private static MetricBatch batch(long node, long sequence, String[] metrics, long[] timestamps, double[] values) {
        return new MetricBatch(1, node, "agent-" + node, sequence, metrics, timestamps, values);
    }

    private List<SamplePoint> read(long node, String metric, long from, long to) {
        return samples.samples(1, node, metric, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), 10_000);
    }

    private static List<Double> values(List<SamplePoint> points) {
        return points.stream().map(SamplePoint::value).toList();
    }

    private long count(String cql, Object... values) {
        long found = sessions.session().execute(SimpleStatement.newInstance(cql, values)).one().getLong(0);
        assertTrue(found >= 0);
        return found;
    }
}
