package io.vantage.web.console;

import io.vantage.persistence.metrics.LatestValue;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One metric's newest value as a table cell shows it. A cell with no value (the node never reported the metric, or
 * the store is unreachable) shows a dash until a pushed sample fills it.
 */
public final class MetricCell implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String metric;
    private final Instant timestamp;
    private final Double value;

    private MetricCell(String metric, Instant timestamp, Double value) {
        this.metric = metric;
        this.timestamp = timestamp;
        this.value = value;
    }

    static MetricCell of(LatestValue latest) {
        return new MetricCell(latest.metric(), latest.timestamp(), latest.value());
    }

    /** The cell for {@code metric} among a node's newest values, empty when the node has no such value. */
    static MetricCell find(String metric, List<LatestValue> latest) {
        return latest.stream().filter(v -> v.metric().equals(metric)).findFirst()
                .map(MetricCell::of)
                .orElseGet(() -> new MetricCell(metric, null, null));
    }

    public String getMetric() {
        return metric;
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    /** Epoch milliseconds of the value, 0 when there is none: live.js replaces the value only with newer ones. */
    public long getTimestampMillis() {
        return timestamp == null ? 0 : timestamp.toEpochMilli();
    }

    /** The raw value for the page's data attributes, empty when there is none. */
    public String getRaw() {
        return value == null ? "" : Double.toString(value);
    }

    public String getTimeText() {
        return ConsoleTime.text(timestamp);
    }

    public String getText() {
        return value == null ? "–" : MetricFormat.format(metric, value);
    }
}
