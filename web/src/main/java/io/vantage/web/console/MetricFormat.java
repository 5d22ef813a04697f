package io.vantage.web.console;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the console writes a metric's value for people: percentages with one decimal, byte counts in binary units, load
 * averages with two decimals. {@code resources/vantage/live.js} formats pushed values by the same rules, so a value
 * looks the same whether the page was rendered with it or received it live.
 */
final class MetricFormat {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private MetricFormat() {
    }

    static String format(String metric, double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (isPercent(metric)) {
            return String.format(Locale.ROOT, "%.1f %%", value);
        }
        if (metric.endsWith("_bytes")) {
            return bytes(value);
        }
        if (metric.startsWith("load.")) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return plain(value);
    }

    /** Percent series share a 0-100 axis on the charts. */
    static boolean isPercent(String metric) {
        return metric.endsWith("_percent") || metric.startsWith("cpu.");
    }

    private static String bytes(double value) {
        double scaled = value;
        int unit = 0;
        while (Math.abs(scaled) >= 1024 && unit < BYTE_UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f B", scaled)
                : String.format(Locale.ROOT, "%.1f %s", scaled, BYTE_UNITS[unit]);
    }

    private static String plain(double value) {
        // at most three decimals and no trailing zeros: counters read as integers, ratios keep their precision
        return new BigDecimal(String.format(Locale.ROOT, "%.3f", value)).stripTrailingZeros().toPlainString();
    }
}
