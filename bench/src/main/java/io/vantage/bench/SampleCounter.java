package io.vantage.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vantage.persistence.metrics.PackedSamples;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts stored samples in Cassandra with the Java driver, as the server stores them (schema version 2): packed rows
 * of the sample log and, for hours the server has compacted meanwhile, series blocks. Only series whose metric starts
 * with a prefix (each benchmark step writes its own) and samples in a time window are counted; a sample found both in
 * the log and in a block (compacted while counting) is counted once.
 */
final class SampleCounter implements AutoCloseable {

    private static final long HOUR = 3_600_000L;

    private final CqlSession session;
    private final PreparedStatement logRows;
    private final PreparedStatement blockRows;

    SampleCounter(String hostPort, String keyspace) {
        String[] parts = hostPort.split(":");
        session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])))
                .withLocalDatacenter("datacenter1")
                .withKeyspace(keyspace)
                .build();
        logRows = session.prepare(SimpleStatement.newInstance("SELECT samples FROM sample_log WHERE org_id = ? AND "
                + "node_id = ? AND hour = ? AND first_ts >= ? AND first_ts < ?").setTimeout(Duration.ofSeconds(30))
                .setPageSize(200));
        blockRows = session.prepare(SimpleStatement.newInstance("SELECT samples FROM sample_blocks WHERE org_id = ? "
                + "AND node_id = ? AND metric = ? AND day = ? AND hour >= ? AND hour <= ?")
                .setTimeout(Duration.ofSeconds(30)));
    }

    /** Distinct stored samples of series starting with {@code metricPrefix} timed in [fromMillis, toMillis). */
    long count(String metricPrefix, long fromMillis, long toMillis) {
        int firstHour = (int) Math.floorDiv(fromMillis, HOUR);
        int lastHour = (int) Math.floorDiv(toMillis - 1, HOUR);
        // a series is a node's metric: every simulated node reports the same names at the same times
        Map<String, Timestamps> found = new HashMap<>();
        for (Row partition : scan("SELECT DISTINCT org_id, node_id, hour FROM sample_log")) {
            int hour = partition.getInt("hour");
            if (hour >= firstHour && hour <= lastHour) {
                String node = partition.getLong("org_id") + "/" + partition.getLong("node_id") + "/";
                PackedSamples.SampleSink sink = (metric, epochMillis, value) -> {
                    if (epochMillis >= fromMillis && epochMillis < toMillis && metric.startsWith(metricPrefix)) {
                        found.computeIfAbsent(node + metric, m -> new Timestamps()).add(epochMillis);
                    }
                };
                for (Row row : session.execute(logRows.bind(partition.getLong("org_id"), partition.getLong("node_id"),
                        hour, Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(toMillis)))) {
                    PackedSamples.unpack(bytes(row.getByteBuffer(0)), null, sink);
                }
            }
        }
        for (Row partition : scan("SELECT DISTINCT org_id, node_id, metric, day FROM sample_blocks")) {
            String metric = partition.getString("metric");
            int day = partition.getInt("day");
            if (metric != null && metric.startsWith(metricPrefix) && day >= Math.floorDiv(firstHour, 24)
                    && day <= Math.floorDiv(lastHour, 24)) {
                Timestamps series = found.computeIfAbsent(partition.getLong("org_id") + "/"
                        + partition.getLong("node_id") + "/" + metric, m -> new Timestamps());
                for (Row row : session.execute(blockRows.bind(partition.getLong("org_id"),
                        partition.getLong("node_id"), metric, day, firstHour, lastHour))) {
                    PackedSamples.unpack(bytes(row.getByteBuffer(0)), metric, (name, epochMillis, value) -> {
                        if (epochMillis >= fromMillis && epochMillis < toMillis) {
                            series.add(epochMillis);
                        }
                    });
                }
            }
        }
        long total = 0;
        for (Timestamps timestamps : found.values()) {
            total += timestamps.distinct();
        }
        return total;
    }

    private Iterable<Row> scan(String cql) {
        return session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60))
                .setPageSize(5000));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        session.close();
    }

    /** One series' timestamps as found, possibly twice. */
    private static final class Timestamps {
        long[] values = new long[256];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long distinct() {
            Arrays.sort(values, 0, size);
            long distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || values[i] != values[i - 1]) {
                    distinct++;
                }
            }
            return distinct;
        }
    }
}
