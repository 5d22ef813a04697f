package io.vantage.web.console;

import io.vantage.persistence.metrics.SamplePoint;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Chart.js configuration of one node chart, as {@code <p:chart value>} takes it: a time axis over the window,
 * one line per series with its points as {@code {x: epoch ms, y: value}}. Points are pre-parsed and unanimated so
 * that live.js can append pushed samples cheaply and redraw at once.
 */
final class ChartConfig {

    private ChartConfig() {
    }

    static String json(NodeChart chart, Map<String, List<SamplePoint>> samples, Instant from, Instant to) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (NodeChart.Series series : chart.series()) {
            JsonArrayBuilder points = Json.createArrayBuilder();
            for (SamplePoint point : samples.getOrDefault(series.metric(), List.of())) {
                if (Double.isFinite(point.value())) {
                    points.add(Json.createObjectBuilder()
                            .add("x", point.timestamp().toEpochMilli())
                            .add("y", point.value()));
                }
            }
            datasets.add(Json.createObjectBuilder()
                    .add("label", series.label())
                    .add("metric", series.metric())
                    .add("data", points)
                    .add("borderColor", series.color())
                    .add("backgroundColor", series.color())
                    .add("borderWidth", 1.5)
                    .add("pointRadius", 0)
                    .add("pointHitRadius", 6)
                    .add("tension", 0));
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", datasets))
                .add("options", options(chart, from, to))
                .build().toString();
    }

    private static JsonObject options(NodeChart chart, Instant from, Instant to) {
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true);
        if ("%".equals(chart.unit())) {
            y.add("suggestedMax", 100).add("title", Json.createObjectBuilder()
                    .add("display", true).add("text", "%"));
        }
        return Json.createObjectBuilder()
                .add("animation", false)
                .add("parsing", false)
                .add("normalized", true)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("interaction", Json.createObjectBuilder()
                        .add("mode", "nearest").add("axis", "x").add("intersect", false))
                .add("scales", Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder()
                                .add("type", "time")
                                .add("min", from.toEpochMilli())
                                .add("max", to.toEpochMilli())
                                .add("ticks", Json.createObjectBuilder()
                                        .add("maxRotation", 0).add("autoSkipPadding", 16))
                                .add("time", Json.createObjectBuilder()
                                        .add("unit", "minute")
                                        .add("displayFormats", Json.createObjectBuilder().add("minute", "HH:mm"))
                                        .add("tooltipFormat", "YYYY-MM-DD HH:mm:ss")))
                        .add("y", y))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .build();
    }
}
