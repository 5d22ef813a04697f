package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.metrics.PackedSamples;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The newest value of every metric of a node, packed in {@value #SHARDS} shards by metric name (table
 * {@code latest_packed}): a batch rewrites each shard its metrics fall in as one cell instead of a row per metric.
 * A shard is read, merged (a value replaces the stored one only if it is not older) and written back; recently
 * written shards are remembered for a short while so a node reporting every few seconds is rarely read. A node's
 * batches reach one storage session at a time (its JMS message group); striped locks by node keep two sessions of this
 * server from interleaving on one node anyway.
 */
final class LatestShards {

    /**
     * Few, because Cassandra's cost is per write, not per byte: with 16, a batch of 20 metrics rewrote 14 shards and
     * the latest values cost more than the samples themselves; with 4, a node of 300 metrics rewrites at most four
     * cells of about 3 KiB.
     */
    static final int SHARDS = 4;
    private static final int REMEMBERED = 8192;
    private static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record ShardKey(long organizationId, long nodeId, int shard) {
    }

    private record Remembered(byte[] samples, long atNanos) {
    }

    private record Value(long epochMillis, double value) {
    }

    private final Object[] stripes = new Object[64];
    private final Map<ShardKey, Remembered> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ShardKey, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    LatestShards() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    static int shardOf(String metric) {
        return Math.floorMod(metric.hashCode(), SHARDS);
    }

    /**
     * Merges the batch's newest values into the node's shards; returns the write under way: one unlogged batch of the
     * touched shards, which share the node's partition, so Cassandra applies it as one mutation and one request
     * instead of a request per shard.
     */
    CompletionStage<AsyncResultSet> update(CqlSession session, SampleStatements cql, MetricBatch batch) {
        Map<Integer, Map<String, Value>> byShard = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Map<String, Value> shard = byShard.computeIfAbsent(shardOf(batch.metrics()[i]), s -> new HashMap<>());
            Value seen = shard.get(batch.metrics()[i]);
            if (seen == null || batch.timestamps()[i] >= seen.epochMillis()) {
                shard.put(batch.metrics()[i], new Value(batch.timestamps()[i], batch.values()[i]));
            }
        }
        if (byShard.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        BatchStatementBuilder writes = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        // the node's lock is held until the write is sent: the driver stamps it then, and a later merge must carry
        // the later timestamp
        synchronized (stripes[Math.floorMod(Long.hashCode(batch.nodeId()), stripes.length)]) {
            for (Map.Entry<Integer, Map<String, Value>> entry : byShard.entrySet()) {
                ShardKey key = new ShardKey(batch.organizationId(), batch.nodeId(), entry.getKey());
                Map<String, Value> merged = unpack(current(session, cql, key));
                entry.getValue().forEach((metric, value) -> merged.merge(metric, value,
                        (old, offered) -> offered.epochMillis() >= old.epochMillis() ? offered : old));
                byte[] packed = pack(merged);
                writes.addStatement(cql.upsertLatestShard.bind(key.organizationId(), key.nodeId(), key.shard(),
                        ByteBuffer.wrap(packed)));
                remember(key, packed);
            }
            return session.executeAsync(writes.build());
        }
    }

    /** The node's newest values by metric name, with those stored by version 1 where no newer one exists. */
    List<LatestValue> read(CqlSession session, SampleStatements cql, long organizationId, long nodeId) {
        Map<String, Value> newest = new HashMap<>();
        for (Row row : session.execute(cql.selectVersion1Latest.bind(organizationId, nodeId))) {
            newest.put(row.getString(0), new Value(row.getInstant(1).toEpochMilli(), row.getDouble(2)));
        }
        for (Row row : session.execute(cql.selectLatestShards.bind(organizationId, nodeId))) {
            unpack(Blobs.bytes(row.getByteBuffer(0))).forEach((metric, value) -> newest.merge(metric, value,
                    (old, offered) -> offered.epochMillis() >= old.epochMillis() ? offered : old));
        }
        List<LatestValue> values = new ArrayList<>(newest.size());
        newest.forEach((metric, value) ->
                values.add(new LatestValue(metric, Instant.ofEpochMilli(value.epochMillis()), value.value())));
        values.sort(Comparator.comparing(LatestValue::metric));
        return values;
    }

    private byte[] current(CqlSession session, SampleStatements cql, ShardKey key) {
        synchronized (remembered) {
            Remembered known = remembered.get(key);
            if (known != null && System.nanoTime() - known.atNanos() < REMEMBER_NANOS) {
                return known.samples();
            }
        }
        Row row = session.execute(cql.selectLatestShard.bind(key.organizationId(), key.nodeId(), key.shard())).one();
        return row == null ? null : Blobs.bytes(row.getByteBuffer(0));
    }

    private void remember(ShardKey key, byte[] packed) {
        synchronized (remembered) {
            remembered.put(key, new Remembered(packed, System.nanoTime()));
        }
    }

    private static Map<String, Value> unpack(byte[] packed) {
        Map<String, Value> values = new HashMap<>();
        if (packed != null) {
            PackedSamples.unpack(packed, null, (metric, epochMillis, value) ->
                    values.put(metric, new Value(epochMillis, value)));
        }
        return values;
    }

    private static byte[] pack(Map<String, Value> values) {
        String[] metrics = new String[values.size()];
        long[] timestamps = new long[metrics.length];
        double[] numbers = new double[metrics.length];
        int i = 0;
        for (Map.Entry<String, Value> entry : values.entrySet()) {
            metrics[i] = entry.getKey();
            timestamps[i] = entry.getValue().epochMillis();
            numbers[i++] = entry.getValue().value();
        }
        return PackedSamples.packAll(metrics, timestamps, numbers);
    }
}
