package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.checks.CheckResultRepository;
import io.vantage.persistence.checks.CheckState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Check results in Cassandra ({@code V3__check_results.cql}): each result is a row of its check's day partition, and
 * the newest of each check a row of its node's partition. Every write is an idempotent upsert and the latest row is
 * written with the result's own finish time as its write time, so a replayed batch stores nothing twice and an older
 * result arriving late never hides a newer one. A result expires {@link #KEPT} after it finished.
 */
@ApplicationScoped
public class CassandraCheckResultRepository implements CheckResultRepository {

    /** How long results are kept, counted from their finish time: a week of history, and the latest as long. */
    public static final Duration KEPT = Duration.ofDays(7);
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    @Inject
    CassandraSessions sessions;

    @Inject
    Clock clock;

    private volatile CheckResultStatements statements;

    @Override
    public void append(long organizationId, long nodeId, List<CheckResult> results) {
        CqlSession session = sessions.session();
        CheckResultStatements cql = statements(session);
        long now = clock.millis();
        List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
        BatchStatementBuilder latest = BatchStatement.builder(BatchType.UNLOGGED);
        for (CheckResult result : results) {
            long finished = result.finishedAt().toEpochMilli();
            // the TTL counts from the finish time, so a result resent after a long outage keeps no longer than others
            int ttlSeconds = (int) Math.min(KEPT.toSeconds(), (finished + KEPT.toMillis() - now) / 1000);
            if (ttlSeconds <= 0) {
                continue; // already older than what is kept
            }
            byte status = (byte) result.state().code();
            writes.add(session.executeAsync(cql.insertResult.bind(organizationId, nodeId, result.check(),
                    dayOf(finished), result.finishedAt(), status, result.text(), result.durationMillis(), ttlSeconds)));
            latest.addStatement(cql.upsertLatest.bind(organizationId, nodeId, result.check(), result.finishedAt(),
                    status, result.text(), result.durationMillis(), ttlSeconds, finished * 1000));
        }
        if (latest.getStatementsCount() > 0) {
            writes.add(session.executeAsync(latest.build())); // one partition: the node's
        }
        awaitAll(writes);
    }

    @Override
    public List<CheckResult> latest(long organizationId, long nodeId) {
        CqlSession session = sessions.session();
        List<CheckResult> results = new ArrayList<>();
        for (Row row : session.execute(statements(session).selectLatest.bind(organizationId, nodeId))) {
            results.add(result(row));
        }
        return results;
    }

    @Override
    public Optional<CheckResult> latest(long organizationId, long nodeId, String check) {
        CqlSession session = sessions.session();
        Row row = session.execute(statements(session).selectLatestOfCheck.bind(organizationId, nodeId, check)).one();
        return Optional.ofNullable(row).map(CassandraCheckResultRepository::result);
    }

    @Override
    public List<CheckResult> history(long organizationId, long nodeId, String check, int limit) {
        CqlSession session = sessions.session();
        CheckResultStatements cql = statements(session);
        List<CheckResult> results = new ArrayList<>();
        long now = clock.millis();
        // newest day first, back to the oldest day a kept result can be in (a clock a little ahead gives tomorrow)
        for (int day = dayOf(now) + 1; day >= dayOf(now - KEPT.toMillis()) && results.size() < limit; day--) {
            for (Row row : session.execute(cql.selectHistory.bind(organizationId, nodeId, check, day,
                    limit - results.size()))) {
                results.add(result(row));
            }
        }
        return results;
    }

    private CheckResultStatements statements(CqlSession session) {
        CheckResultStatements current = statements;
        if (current == null || current.session != session) {
            current = new CheckResultStatements(session);
            statements = current;
        }
        return current;
    }

    /** A row of {@link CheckResultStatements#COLUMNS}. */
    private static CheckResult result(Row row) {
        return new CheckResult(row.getString(0), CheckState.ofCode(row.getByte(2)), row.getString(3),
                row.getInstant(1), row.getLong(4));
    }

    static int dayOf(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }

    private static void awaitAll(List<CompletionStage<AsyncResultSet>> writes) {
        CompletableFuture<?>[] futures = writes.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while writing check results");
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("Cassandra did not confirm the check results within "
                    + WRITE_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException | CompletionException e) {
            throw new StorageUnavailableException("Cassandra refused the check results: " + e.getCause());
        }
    }
}
