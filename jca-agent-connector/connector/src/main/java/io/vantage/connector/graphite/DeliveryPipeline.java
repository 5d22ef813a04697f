package io.vantage.connector.graphite;

import java.time.Duration;

import io.vantage.connector.api.GraphiteBatch;
import io.vantage.connector.logging.ConnectorLogger;

/**
 * One connection's batch on its way to the application: at most one at a time, so batches arrive in the order the
 * lines did. A batch that was not stored stays here and is offered again after a delay that doubles from the first
 * retry delay up to the longest; a rejected one is dropped. Runs on the selector thread only.
 */
final class DeliveryPipeline {

    private final GraphiteConnection connection;
    private final GraphiteDeliveries deliveries;
    private final GraphiteCounters counters;
    private final long firstRetryNanos;
    private final long maxRetryNanos;
    private final Runnable onSettled;
    private GraphiteBatch outstanding;
    private boolean offering;
    private long retryAt;
    private long retryNanos;

    /** @param onSettled runs once the outstanding batch is stored or dropped, and the pipeline is free again */
    DeliveryPipeline(GraphiteConnection connection, GraphiteDeliveries deliveries, GraphiteCounters counters,
                     GraphiteServerSettings settings, Runnable onSettled) {
        this.connection = connection;
        this.deliveries = deliveries;
        this.counters = counters;
        this.firstRetryNanos = settings.firstRetryDelay().toNanos();
        this.maxRetryNanos = settings.maxRetryDelay().toNanos();
        this.onSettled = onSettled;
        this.retryNanos = firstRetryNanos;
    }

    /** Whether a batch is with the application or waiting to be offered again. */
    boolean busy() {
        return outstanding != null;
    }

    int linesHeld() {
        return outstanding == null ? 0 : outstanding.size();
    }

    void offer(GraphiteBatch batch) {
        if (outstanding != null) {
            throw new IllegalStateException("a batch of " + connection.remoteAddress() + " is already outstanding");
        }
        outstanding = batch;
        send();
    }

    /** Offers the outstanding batch again once its retry delay has passed. */
    void retryIfDue(long now) {
        if (outstanding != null && !offering && now - retryAt >= 0) {
            send();
        }
    }

    private void send() {
        offering = true;
        deliveries.deliver(outstanding, connection, this::onOutcome);
    }

    private void onOutcome(GraphiteOutcome outcome) {
        offering = false;
        if (outcome.kind() == GraphiteOutcome.Kind.NOT_STORED) {
            counters.batchesNotStored.incrementAndGet();
            ConnectorLogger.graphiteBatchNotStored(connection.remoteAddress(), outstanding.size(), outcome.reason(),
                    Duration.ofNanos(retryNanos));
            retryAt = System.nanoTime() + retryNanos;
            retryNanos = Math.min(maxRetryNanos, 2 * retryNanos);
            return;
        }
        if (outcome.kind() == GraphiteOutcome.Kind.REJECTED) {
            counters.batchesRejected.incrementAndGet();
            ConnectorLogger.graphiteBatchRejected(connection.remoteAddress(), outstanding.size(), outcome.reason());
        } else {
            counters.batchesStored.incrementAndGet();
        }
        outstanding = null;
        retryNanos = firstRetryNanos;
        onSettled.run();
    }
}
