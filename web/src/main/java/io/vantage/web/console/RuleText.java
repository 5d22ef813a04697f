package io.vantage.web.console;

import io.vantage.persistence.monitors.AlertRuleSettings;
import io.vantage.persistence.monitors.Direction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monitor's alert rule in words for the monitor list, such as "critical above 90, clears at 80 or below; warning
 * above 80; 3 samples in a row; no data for 120 s is critical". Thresholds are written as they were entered, without
 * the rounding of {@link MetricFormat}, because they are definitions, not measurements.
 */
final class RuleText {

    private RuleText() {
    }

    static String of(AlertRuleSettings rule) {
        if (rule == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        level("critical", rule.getDirection(), rule.getCritical(), rule.getCriticalClear(), parts);
        level("warning", rule.getDirection(), rule.getWarning(), rule.getWarningClear(), parts);
        String timing = timing(rule.getConsecutive(), rule.getSustainedSeconds());
        if (!timing.isEmpty()) {
            parts.add(timing);
        }
        if (rule.getNoDataSeconds() != null) {
            parts.add("no data for " + rule.getNoDataSeconds() + " s is "
                    + rule.getNoDataSeverity().name().toLowerCase(Locale.ROOT));
        }
        return String.join("; ", parts);
    }

    private static void level(String name, Direction direction, Double threshold, Double clear, List<String> parts) {
        if (threshold == null) {
            return;
        }
        String bad = direction == Direction.ABOVE ? "above" : "below";
        String text = name + " " + bad + " " + number(threshold);
        // a clear level equal to the threshold (or none) clears as soon as the value stops breaching: nothing to say
        if (clear != null && !clear.equals(threshold)) {
            text += ", clears at " + number(clear) + (direction == Direction.ABOVE ? " or below" : " or above");
        }
        parts.add(text);
    }

    private static String timing(int consecutive, int sustainedSeconds) {
        String samples = consecutive > 1 ? consecutive + " samples in a row" : "";
        if (sustainedSeconds <= 0) {
            return samples;
        }
        return (samples.isEmpty() ? "" : samples + " ") + "for at least " + sustainedSeconds + " s";
    }

    /** 90.0 as "90", 0.25 as "0.25": the threshold as a person typed it. */
    static String number(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.signum() == 0 ? "0" : exact.toPlainString();
    }
}
