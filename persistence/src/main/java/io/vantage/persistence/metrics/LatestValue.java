package io.vantage.persistence.metrics;

import java.time.Instant;

/**
 * The newest stored value of one metric of a node.
 *
 * @param metric    the metric's name
 * @param timestamp when it was measured
 * @param value     what was measured
 */
public record LatestValue(String metric, Instant timestamp, double value) {
}
