package io.vantage.web.api;

import io.vantage.persistence.metrics.LatestValue;

/**
 * The newest value of a metric.
 *
 * @param metric    the metric's name
 * @param timestamp when it was measured (ISO-8601)
 * @param value     the value
 */
public record LatestJson(String metric, String timestamp, double value) {

    static LatestJson of(LatestValue latest) {
        return new LatestJson(latest.metric(), latest.timestamp().toString(), latest.value());
    }
}
