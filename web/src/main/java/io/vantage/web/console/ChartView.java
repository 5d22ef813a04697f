package io.vantage.web.console;

import io.vantage.persistence.metrics.SamplePoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One chart of the node page as rendered: its Chart.js configuration and the figures its container exposes
 * ({@code data-points}, {@code data-last-timestamp}) until live.js takes them over with each pushed sample.
 */
public final class ChartView {

    private final NodeChart chart;
    private final String json;
    private final int points;
    private final long lastTimestamp;

    ChartView(NodeChart chart, Map<String, List<SamplePoint>> samples, Instant from, Instant to) {
        this.chart = chart;
        this.json = ChartConfig.json(chart, samples, from, to);
        List<SamplePoint> drawn = chart.series().stream()
                .flatMap(series -> samples.getOrDefault(series.metric(), List.of()).stream())
                .filter(point -> Double.isFinite(point.value()))
                .toList();
        this.points = drawn.size();
        this.lastTimestamp = drawn.stream().mapToLong(point -> point.timestamp().toEpochMilli()).max().orElse(0);
    }

    public String getId() {
        return chart.id();
    }

    public String getTitle() {
        return chart.title();
    }

    /** The metrics the chart draws, space-separated, for the container's {@code data-metrics}. */
    public String getMetrics() {
        return chart.series().stream().map(NodeChart.Series::metric).collect(Collectors.joining(" "));
    }

    public String getJson() {
        return json;
    }

    public int getPoints() {
        return points;
    }

    /** Epoch milliseconds of the newest point, 0 when the chart is empty. */
    public long getLastTimestamp() {
        return lastTimestamp;
    }
}
