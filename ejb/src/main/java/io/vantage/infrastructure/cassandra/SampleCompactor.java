package io.vantage.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import io.vantage.ServiceLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every minute, compacts the node hours the sample log holds once they are closed: an hour is left alone until
 * {@link #GRACE} after its end, as batches of it may still arrive; samples arriving later still (an agent's spool
 * after an outage) are compacted in a later round. Each round looks back two days; once an hour a round looks back
 * over the whole retention. Every server runs it; two compacting one hour is wasted work, not a fault.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SampleCompactor {

    static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private static final int RECENT_HOURS = 48;
    private static final int ROUNDS_PER_FULL_LOOK = 60;

    @Resource
    TimerService timers;

    @Inject
    SampleTables tables;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private long rounds;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(EVERY.toMillis(), EVERY.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void round() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still at work
        }
        try {
            compactClosedHours(clock.instant(), HourCompaction.IN_FLIGHT_MARGIN,
                    rounds++ % ROUNDS_PER_FULL_LOOK == 0);
        } catch (StorageUnavailableException e) {
            ServiceLog.compactionPostponed(e.getMessage());
        } finally {
            running.set(false);
        }
    }

    /**
     * Compacts every closed hour with samples in the log, looking back two days or over the whole retention.
     *
     * @param inFlightMargin the log is cleared only of rows written this long before {@code now}; rounds use
     *                       {@link HourCompaction#IN_FLIGHT_MARGIN}, a caller that has seen every write confirmed may
     *                       pass less
     */
    public void compactClosedHours(Instant now, Duration inFlightMargin, boolean wholeRetention) {
        SampleTables.Bound bound = tables.bound();
        HourCompaction compaction = new HourCompaction(bound, inFlightMargin);
        int lastClosed = SampleHours.hourOf(now.minus(GRACE).toEpochMilli()) - 1;
        int lookBack = wholeRetention ? (int) SampleHours.RETENTION.toHours() : RECENT_HOURS;
        for (int hour = lastClosed - lookBack + 1; hour <= lastClosed; hour++) {
            List<long[]> nodes = new ArrayList<>();
            for (Row row : bound.session().execute(bound.cql().selectLogNodesOfHour.bind(hour))) {
                nodes.add(new long[] {row.getLong(0), row.getLong(1)});
            }
            for (long[] node : nodes) {
                long started = System.nanoTime();
                try {
                    int samples = compaction.compact(node[0], node[1], hour, now);
                    ServiceLog.hourCompacted(node[0], node[1], Instant.ofEpochMilli(SampleHours.startOf(hour)),
                            samples, Duration.ofNanos(System.nanoTime() - started));
                } catch (RuntimeException e) {
                    // the hour stays in the log, readable, and is tried again next round
                    ServiceLog.compactionFailed(node[0], node[1], Instant.ofEpochMilli(SampleHours.startOf(hour)), e);
                }
            }
        }
    }
}
