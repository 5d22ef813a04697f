package io.vantage.web.console;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
            return fixed(value, 1) + " %";
        }
        if (metric.endsWith("_bytes")) {
            return bytes(value);
        }
        if (metric.startsWith("load.")) {
            return fixed(value, 2);
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
        return unit == 0 ? fixed(scaled, 0) + " B" : fixed(scaled, 1) + " " + BYTE_UNITS[unit];
    }

    private static String plain(double value) {
        // at most three decimals and no trailing zeros: counters read as integers, ratios keep their precision
        BigDecimal rounded = new BigDecimal(fixed(value, 3)).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /**
     * Rounds as JavaScript's {@code Number.toFixed} does (the double's exact value, halves up), so a value reads the
     * same here and in live.js; {@code String.format} would round 0.15 up where the browser rounds it down.
     */
    private static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
