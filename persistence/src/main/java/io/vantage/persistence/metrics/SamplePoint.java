package io.vantage.persistence.metrics;

import java.time.Instant;

/**
 * One stored value of a series.
 *
 * @param timestamp when it was measured
 * @param value     what was measured
 */
public record SamplePoint(Instant timestamp, double value) {
}
