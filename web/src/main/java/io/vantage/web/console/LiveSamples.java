package io.vantage.web.console;

import io.vantage.persistence.checks.CheckResult;
import io.vantage.persistence.metrics.MetricBatch;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The push message that carries a batch's samples to the open console pages:
 * {@code {"nodeId": N, "samples": [{"m": metric, "t": epoch ms, "v": value}, ...]}}, and when the batch brought agent
 * check results {@code "checks": [{"c": check, "s": "OK", "x": text, "t": finished epoch ms, "d": duration ms}, ...]}.
 * Only the metrics the console shows travel, so a batch full of disk or network series costs the browsers nothing.
 * Built with JSON-P, which escapes every name and text.
 */
final class LiveSamples {

    /** The metric families the node list and the node page display. */
    private static final String[] CONSOLE_PREFIXES = {"cpu.", "mem.", "swap.", "load."};
    private static final Pattern PER_CORE = Pattern.compile("cpu\\.\\d+\\.");

    private LiveSamples() {
    }

    /** The message for a batch, empty when the batch holds nothing the console shows. */
    static Optional<String> json(MetricBatch batch) {
        JsonArrayBuilder samples = Json.createArrayBuilder();
        int kept = 0;
        for (int i = 0; i < batch.size(); i++) {
            String metric = batch.metrics()[i];
            double value = batch.values()[i];
            // JSON has no NaN or infinity; ingestion refuses them, this keeps a stray one from failing the batch
            if (isShown(metric) && Double.isFinite(value)) {
                samples.add(Json.createObjectBuilder()
                        .add("m", metric)
                        .add("t", batch.timestamps()[i])
                        .add("v", value));
                kept++;
            }
        }
        if (kept == 0 && batch.checks().isEmpty()) {
            return Optional.empty();
        }
        JsonObjectBuilder message = Json.createObjectBuilder()
                .add("nodeId", batch.nodeId())
                .add("samples", samples);
        if (!batch.checks().isEmpty()) {
            JsonArrayBuilder checks = Json.createArrayBuilder();
            for (CheckResult check : batch.checks()) {
                checks.add(Json.createObjectBuilder()
                        .add("c", check.check())
                        .add("s", check.state().name())
                        .add("x", check.text())
                        .add("t", check.finishedAt().toEpochMilli())
                        .add("d", check.durationMillis()));
            }
            message.add("checks", checks);
        }
        return Optional.of(message.build().toString());
    }

    static boolean isShown(String metric) {
        // the console charts whole-machine CPU; per-core series (cpu.0.user...) would multiply the push for nothing
        if (metric == null || PER_CORE.matcher(metric).lookingAt()) {
            return false;
        }
        for (String prefix : CONSOLE_PREFIXES) {
            if (metric.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
