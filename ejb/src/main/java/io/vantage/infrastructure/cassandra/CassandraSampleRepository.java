package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.metrics.PackedSamples;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Samples in Cassandra, packed (schema in {@code V2__sample_log.cql}): a batch is written as one row of the sample
 * log per hour it covers, with the hour marked for the {@link SampleCompactor} and for readers (once per node and
 * current hour, {@link MarkedHours}), and its newest values
 * merged into the node's {@link LatestShards}. That is a handful of writes per batch whatever its size, where a row
 * per sample made Cassandra the limit of ingest. A replayed batch has the same key (first timestamp, source,
 * sequence, {@link #digest}) and overwrites itself, so nothing is stored twice.
 */
@ApplicationScoped
public class CassandraSampleRepository implements SampleRepository {

    @Inject
    SampleTables tables;

    private final LatestShards latest = new LatestShards();
    private final MarkedHours markedHours = new MarkedHours(Clock.systemUTC());

    @Override
    public void append(MetricBatch batch) {
        SampleTables.Bound bound = tables.bound();
        CqlSession session = bound.session();
        SampleStatements cql = bound.cql();
        List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
        for (Map.Entry<Integer, int[]> hour : byHour(batch).entrySet()) {
            int[] indexes = hour.getValue();
            long firstTimestamp = Long.MAX_VALUE;
            for (int i : indexes) {
                firstTimestamp = Math.min(firstTimestamp, batch.timestamps()[i]);
            }
            byte[] packed = PackedSamples.pack(batch.metrics(), batch.timestamps(), batch.values(), indexes);
            writes.add(session.executeAsync(cql.insertLog.bind(batch.organizationId(), batch.nodeId(), hour.getKey(),
                    Instant.ofEpochMilli(firstTimestamp), batch.agentId(), batch.sequence(), digest(packed),
                    ByteBuffer.wrap(packed))));
            if (markedHours.firstOf(batch.organizationId(), batch.nodeId(), hour.getKey())) {
                writes.add(session.executeAsync(cql.markHourByHour.bind(hour.getKey(), batch.organizationId(),
                        batch.nodeId())));
                writes.add(session.executeAsync(cql.markHourByNode.bind(batch.organizationId(), batch.nodeId(),
                        hour.getKey())));
            }
        }
        writes.add(latest.update(session, cql, batch));
        try {
            Writes.awaitAll(writes);
        } catch (StorageUnavailableException e) {
            markedHours.forget(batch.organizationId(), batch.nodeId()); // the markers may be among what failed
            throw e;
        }
    }

    @Override
    public List<SamplePoint> samples(long organizationId, long nodeId, String metric, Instant from, Instant to,
                                     int limit) {
        SampleTables.Bound bound = tables.bound();
        return new SeriesReader(bound.session(), bound.cql(), bound.lastVersion1Day())
                .read(organizationId, nodeId, metric, from, to, limit);
    }

    @Override
    public List<LatestValue> latest(long organizationId, long nodeId) {
        SampleTables.Bound bound = tables.bound();
        return latest.read(bound.session(), bound.cql(), organizationId, nodeId);
    }

    /**
     * A 64-bit FNV-1a hash of the packed samples: the same samples give the same key (a replay overwrites itself),
     * different samples with the same time, source and sequence (two Graphite batches of one interval) do not.
     */
    static long digest(byte[] packed) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : packed) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The batch's sample indexes by the hour they fall in; almost always one hour. */
    static Map<Integer, int[]> byHour(MetricBatch batch) {
        Map<Integer, int[]> hours = new TreeMap<>();
        int first = SampleHours.hourOf(batch.timestamps()[0]);
        boolean oneHour = true;
        for (long timestamp : batch.timestamps()) {
            oneHour &= SampleHours.hourOf(timestamp) == first;
        }
        if (oneHour) {
            int[] all = new int[batch.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            hours.put(first, all);
            return hours;
        }
        Map<Integer, List<Integer>> lists = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            lists.computeIfAbsent(SampleHours.hourOf(batch.timestamps()[i]), h -> new ArrayList<>()).add(i);
        }
        lists.forEach((hour, list) -> hours.put(hour, list.stream().mapToInt(Integer::intValue).toArray()));
        return hours;
    }
}
