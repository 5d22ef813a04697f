package io.vantage.protocol;

import java.util.Objects;

/**
 * One measurement: a metric name, when it was taken and its value.
 *
 * @param metric          the metric's name, for example {@code cpu.user} (see {@link MetricNames})
 * @param timestampMillis milliseconds since the epoch, UTC
 * @param value           the measured value; always finite
 */
public record Sample(String metric, long timestampMillis, double value) {

    public Sample {
        Objects.requireNonNull(metric, "metric");
    }
}
