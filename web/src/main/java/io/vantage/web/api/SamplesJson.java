package io.vantage.web.api;

import java.util.List;

/**
 * A series' samples over a time range.
 *
 * @param nodeId  the node
 * @param metric  the metric
 * @param from    the range's start, inclusive (ISO-8601)
 * @param to      the range's end, exclusive (ISO-8601)
 * @param samples the samples, oldest first
 */
public record SamplesJson(long nodeId, String metric, String from, String to, List<Point> samples) {

    /**
     * One sample.
     *
     * @param timestamp when (ISO-8601)
     * @param epochMillis when, in milliseconds since the epoch, for charting
     * @param value what
     */
    public record Point(String timestamp, long epochMillis, double value) {
    }
}
