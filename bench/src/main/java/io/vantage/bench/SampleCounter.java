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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts stored samples in Cassandra with the Java driver, as the server stores them (schema version 2): packed rows
 * of the sample log and, for hours the server has compacted meanwhile, series blocks. Only the named series and
 * samples in a time window are counted; a sample found both in the log and in a block (compacted while counting) is
 * counted once.
 *
 * <p>Only the nodes that have the series are read, and every read names its partition. The nodes come from the small
 * table of their latest values, which names every metric a node has reported; each of them has its log hours and the
 * step's series blocks read by key. A scan over the partitions of the sample tables instead would read the first row
 * of each, a whole block, so its cost and memory grew with everything stored before the step (one such scan, after a
 * few compacted agent searches, asked Cassandra for a response bigger than its heap); and reading every node's log
 * would read the other searches' samples of the same hours.
 */
final class SampleCounter implements AutoCloseable {

    private static final long HOUR = 3_600_000L;
    private static final int PARALLEL_NODES = 8;

    private final CqlSession session;
    private final PreparedStatement logRows;
    private final PreparedStatement blockRows;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_NODES, runnable -> {
        Thread thread = new Thread(runnable, "sample-counter");
        thread.setDaemon(true);
        return thread;
    });

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

    /** The metric names of a step's series, as both load generators name them: {@code <tag>.m0} and on. */
    static List<String> metricsOfStep(String tag, int metrics) {
        List<String> names = new ArrayList<>(metrics);
        for (int m = 0; m < metrics; m++) {
            names.add(tag + ".m" + m);
        }
        return names;
    }

    /** Distinct stored samples of the named series, on every node, timed in [fromMillis, toMillis). */
    long count(Collection<String> metrics, long fromMillis, long toMillis)
            throws InterruptedException, ExecutionException {
        Set<String> wanted = new HashSet<>(metrics);
        List<Future<Long>> perNode = new ArrayList<>();
        for (Node node : nodesWithAnyOf(wanted)) {
            perNode.add(pool.submit(() -> countNode(node.organizationId(), node.nodeId(), wanted, fromMillis,
                    toMillis)));
        }
        long total = 0;
        for (Future<Long> count : perNode) {
            total += count.get();
        }
        return total;
    }

    private record Node(long organizationId, long nodeId) {
    }

    /** The nodes whose latest values name one of the metrics. */
    private Set<Node> nodesWithAnyOf(Set<String> metrics) {
        Set<Node> nodes = new HashSet<>();
        SimpleStatement latest = SimpleStatement.newInstance("SELECT org_id, node_id, samples FROM latest_packed")
                .setTimeout(Duration.ofSeconds(30));
        for (Row row : session.execute(latest)) {
            Node node = new Node(row.getLong(0), row.getLong(1));
            PackedSamples.unpack(bytes(row.getByteBuffer(2)), null, (metric, epochMillis, value) -> {
                if (metrics.contains(metric)) {
                    nodes.add(node);
                }
            });
        }
        return nodes;
    }

    private long countNode(long organizationId, long nodeId, Set<String> metrics, long fromMillis, long toMillis) {
        int firstHour = (int) Math.floorDiv(fromMillis, HOUR);
        int lastHour = (int) Math.floorDiv(toMillis - 1, HOUR);
        Map<String, Timestamps> found = new HashMap<>();
        PackedSamples.SampleSink fromLog = (metric, epochMillis, value) -> {
            if (epochMillis >= fromMillis && epochMillis < toMillis && metrics.contains(metric)) {
                found.computeIfAbsent(metric, m -> new Timestamps()).add(epochMillis);
            }
        };
        for (int hour = firstHour; hour <= lastHour; hour++) {
            for (Row row : session.execute(logRows.bind(organizationId, nodeId, hour, Instant.ofEpochMilli(fromMillis),
                    Instant.ofEpochMilli(toMillis)))) {
                PackedSamples.unpack(bytes(row.getByteBuffer(0)), null, fromLog);
            }
        }
        for (String metric : metrics) {
            for (int day = Math.floorDiv(firstHour, 24); day <= Math.floorDiv(lastHour, 24); day++) {
                for (Row row : session.execute(blockRows.bind(organizationId, nodeId, metric, day, firstHour,
                        lastHour))) {
                    PackedSamples.unpack(bytes(row.getByteBuffer(0)), metric, (name, epochMillis, value) -> {
                        if (epochMillis >= fromMillis && epochMillis < toMillis) {
                            found.computeIfAbsent(metric, m -> new Timestamps()).add(epochMillis);
                        }
                    });
                }
            }
        }
        long distinct = 0;
        for (Timestamps timestamps : found.values()) {
            distinct += timestamps.distinct();
        }
        return distinct;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        pool.shutdownNow();
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
