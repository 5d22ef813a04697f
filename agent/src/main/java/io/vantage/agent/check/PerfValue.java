package io.vantage.agent.check;

/**
 * One performance data item of a plugin's output, already in base units (seconds, bytes). A threshold or limit is
 * {@code null} when the plugin left it out, gave a range ({@code 10:20}, {@code @10:20}, {@code ~:5}) rather than a
 * single number, or gave something unreadable.
 *
 * @param label the label as the plugin wrote it, unquoted
 * @param value the measured value
 */
public record PerfValue(String label, double value, Double warn, Double crit, Double min, Double max) {
}
