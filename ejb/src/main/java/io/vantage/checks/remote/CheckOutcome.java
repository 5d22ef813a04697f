package io.vantage.checks.remote;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one run of a {@link RemoteCheck}: a status, a short human message in the style of a Nagios plugin's
 * status line (for example {@code TCP OK - 10.0.0.5:5432 connected in 1.2 ms}), the measured values named as in
 * {@link RemoteCheckMetrics}, and how long the run took.
 *
 * @param status  the verdict
 * @param message a one-line text for people
 * @param metrics measured values by metric name, in the order the check measured them; unmodifiable
 * @param took    wall-clock time of the whole run
 */
public record CheckOutcome(CheckStatus status, String message, Map<String, Double> metrics, Duration took) {

    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(took, "took");
        // a copy keeps the outcome immutable even if the check reuses its map; insertion order reads better in logs
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
    }

    /** Whether the target counted as up: OK or WARNING. This is what every {@code <kind>.up} metric reports. */
    public static boolean isUp(CheckStatus status) {
        return status == CheckStatus.OK || status == CheckStatus.WARNING;
    }
}
