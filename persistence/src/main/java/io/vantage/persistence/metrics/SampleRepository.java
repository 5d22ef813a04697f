package io.vantage.persistence.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The time-series store. Writing the same sample twice stores it once (a replayed batch overwrites itself), so
 * agents may resend anything not yet acknowledged.
 */
public interface SampleRepository {

    /** Stores every sample of the batch durably; returns only when all are written. */
    void append(MetricBatch batch);

    /** A series' samples with {@code from <= timestamp < to}, oldest first, at most {@code limit} of them. */
    List<SamplePoint> samples(long organizationId, long nodeId, String metric, Instant from, Instant to, int limit);

    /** The newest value of every metric the node has reported, by metric name. */
    List<LatestValue> latest(long organizationId, long nodeId);
}
