package io.vantage.metrics;

import io.vantage.persistence.metrics.MetricBatch;

/** Publishes accepted metric batches to every service that wants them (storage, alerting, live view). */
public interface MetricEvents {

    /** Publishes durably: returns only when the batch survives a server crash. */
    void published(MetricBatch batch);
}
