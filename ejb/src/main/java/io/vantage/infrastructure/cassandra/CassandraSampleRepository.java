package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.persistence.metrics.LatestValue;
import io.vantage.persistence.metrics.MetricBatch;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.persistence.metrics.SampleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Samples in Cassandra. A batch is written as one unlogged CQL batch per partition (series and day), all at once,
 * which is several times faster than a statement per sample; every write is an idempotent upsert, so replays store
 * nothing twice. The latest value of each metric is written with the sample's own time as the write time, so an
 * older replay never hides a newer value.
 */
@ApplicationScoped
public class CassandraSampleRepository implements SampleRepository {

    /** Rows per CQL batch: keeps each batch under Cassandra's 5 KiB warning threshold. */
    static final int ROWS_PER_BATCH = 100;
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    @Inject
    CassandraSessions sessions;

    private volatile SampleStatements statements;

    @Override
    public void append(MetricBatch batch) {
        CqlSession session = sessions.session();
        SampleStatements cql = statements(session);
        List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
        for (List<Integer> partition : SeriesDays.partition(batch).values()) {
            for (int start = 0; start < partition.size(); start += ROWS_PER_BATCH) {
                BatchStatementBuilder rows = BatchStatement.builder(BatchType.UNLOGGED);
                for (int i : partition.subList(start, Math.min(partition.size(), start + ROWS_PER_BATCH))) {
                    rows.addStatement(cql.insertSample.bind(batch.organizationId(), batch.nodeId(),
                            batch.metrics()[i], SeriesDays.dayOf(batch.timestamps()[i]),
                            Instant.ofEpochMilli(batch.timestamps()[i]), batch.values()[i]));
                }
                writes.add(session.executeAsync(rows.build()));
            }
        }
        BatchStatementBuilder latest = BatchStatement.builder(BatchType.UNLOGGED);
        for (int i : newestPerMetric(batch).values()) {
            latest.addStatement(cql.upsertLatest.bind(batch.organizationId(), batch.nodeId(), batch.metrics()[i],
                    Instant.ofEpochMilli(batch.timestamps()[i]), batch.values()[i], batch.timestamps()[i] * 1000));
        }
        writes.add(session.executeAsync(latest.build()));
        awaitAll(writes);
    }

    @Override
    public List<SamplePoint> samples(long organizationId, long nodeId, String metric, Instant from, Instant to,
                                     int limit) {
        CqlSession session = sessions.session();
        SampleStatements cql = statements(session);
        List<SamplePoint> points = new ArrayList<>();
        for (int day = SeriesDays.dayOf(from.toEpochMilli()); day <= SeriesDays.dayOf(to.toEpochMilli() - 1)
                && points.size() < limit; day++) {
            for (Row row : session.execute(cql.selectSamples.bind(organizationId, nodeId, metric, day, from, to,
                    limit - points.size()))) {
                points.add(new SamplePoint(row.getInstant(0), row.getDouble(1)));
            }
        }
        return points;
    }

    @Override
    public List<LatestValue> latest(long organizationId, long nodeId) {
        CqlSession session = sessions.session();
        List<LatestValue> values = new ArrayList<>();
        for (Row row : session.execute(statements(session).selectLatest.bind(organizationId, nodeId))) {
            values.add(new LatestValue(row.getString(0), row.getInstant(1), row.getDouble(2)));
        }
        return values;
    }

    private SampleStatements statements(CqlSession session) {
        SampleStatements current = statements;
        if (current == null || current.session != session) {
            current = new SampleStatements(session);
            statements = current;
        }
        return current;
    }

    private static Map<String, Integer> newestPerMetric(MetricBatch batch) {
        Map<String, Integer> newest = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Integer seen = newest.get(batch.metrics()[i]);
            if (seen == null || batch.timestamps()[i] >= batch.timestamps()[seen]) {
                newest.put(batch.metrics()[i], i);
            }
        }
        return newest;
    }

    private static void awaitAll(List<CompletionStage<AsyncResultSet>> writes) {
        CompletableFuture<?>[] futures = writes.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while writing samples");
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("Cassandra did not confirm the writes within "
                    + WRITE_TIMEOUT_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            throw new StorageUnavailableException("Cassandra refused the writes: " + e.getCause());
        }
    }

    /** Groups a batch's sample indexes by partition: metric and UTC day. */
    static final class SeriesDays {

        private static final long MILLIS_PER_DAY = 86_400_000L;

        private SeriesDays() {
        }

        static int dayOf(long epochMillis) {
            return (int) Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        }

        static Map<String, List<Integer>> partition(MetricBatch batch) {
            Map<String, List<Integer>> partitions = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                String key = batch.metrics()[i] + '\u0000' + dayOf(batch.timestamps()[i]);
                partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            return partitions;
        }
    }
}
