package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.persistence.metrics.PackedSamples;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites one node's hour from the sample log into one block per series, merged with any block the hour already has
 * (late samples of an hour compacted before), then removes what it read from the log. Safe to repeat and to run on
 * two servers at once: blocks are rebuilt from the same samples, and the log is cleared only up to a write time a
 * margin before the read, so a batch written while the hour was read stays in the log for the next round.
 */
final class HourCompaction {

    /** Longer than any write takes to land ({@link Writes#TIMEOUT_SECONDS}) plus clock skew between servers. */
    static final Duration IN_FLIGHT_MARGIN = Duration.ofSeconds(60);
    private static final int LOG_ROWS_PER_PAGE = 64;

    private final SampleTables.Bound tables;
    private final Duration inFlightMargin;

    /** @param inFlightMargin how long before a round's read the log is cleared up to; see {@link #IN_FLIGHT_MARGIN} */
    HourCompaction(SampleTables.Bound tables, Duration inFlightMargin) {
        this.tables = tables;
        this.inFlightMargin = inFlightMargin;
    }

    /** Compacts the hour; returns the number of samples now in its blocks from the log. */
    int compact(long organizationId, long nodeId, int hour, Instant now) {
        long clearUpToMicros = TimeUnit.MILLISECONDS.toMicros(now.minus(inFlightMargin).toEpochMilli());
        Map<String, SeriesColumns> series = new HashMap<>();
        int samples = 0;
        for (Row row : tables.session().execute(tables.cql().selectLog.bind(organizationId, nodeId, hour)
                .setPageSize(LOG_ROWS_PER_PAGE))) {
            byte[] packed = Blobs.bytes(row.getByteBuffer(0));
            PackedSamples.unpack(packed, null, (metric, epochMillis, value) ->
                    series.computeIfAbsent(metric, m -> new SeriesColumns()).add(epochMillis, value));
        }
        int ttl = SampleHours.remainingTtlSeconds(hour, now);
        if (ttl > 0) {
            List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
            int day = SampleHours.dayOfHour(hour);
            for (Map.Entry<String, SeriesColumns> entry : series.entrySet()) {
                samples += entry.getValue().size;
                Row existing = tables.session().execute(tables.cql().selectBlock.bind(organizationId, nodeId,
                        entry.getKey(), day, hour)).one();
                // the block's samples first: where both have a timestamp, the log's newer write wins
                SeriesColumns merged = new SeriesColumns();
                if (existing != null) {
                    PackedSamples.unpack(Blobs.bytes(existing.getByteBuffer(0)), entry.getKey(),
                            (metric, epochMillis, value) -> merged.add(epochMillis, value));
                }
                merged.addAll(entry.getValue());
                writes.add(tables.session().executeAsync(tables.cql().insertBlock.bind(organizationId, nodeId,
                        entry.getKey(), day, hour, ByteBuffer.wrap(merged.pack(entry.getKey())), ttl)));
            }
            Writes.awaitAll(writes);
        }
        Writes.awaitAll(List.of(
                tables.session().executeAsync(tables.cql().deleteLogHour.bind(clearUpToMicros, organizationId,
                        nodeId, hour)),
                tables.session().executeAsync(tables.cql().unmarkHourByHour.bind(clearUpToMicros, hour,
                        organizationId, nodeId)),
                tables.session().executeAsync(tables.cql().unmarkHourByNode.bind(clearUpToMicros, organizationId,
                        nodeId, hour))));
        return samples;
    }

    /** One series' samples in arrival order, growing as needed. */
    static final class SeriesColumns {
        long[] timestamps = new long[64];
        double[] values = new double[64];
        int size;

        void add(long epochMillis, double value) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            timestamps[size] = epochMillis;
            values[size++] = value;
        }

        void addAll(SeriesColumns other) {
            for (int i = 0; i < other.size; i++) {
                add(other.timestamps[i], other.values[i]);
            }
        }

        byte[] pack(String metric) {
            String[] names = new String[size];
            Arrays.fill(names, metric);
            int[] indexes = new int[size];
            for (int i = 0; i < size; i++) {
                indexes[i] = i;
            }
            return PackedSamples.pack(names, timestamps, values, indexes);
        }
    }
}
