package io.vantage.agent.check;

import java.util.List;

/**
 * A plugin's output split as the Nagios plugin API defines it: the first line is the status text, optionally
 * followed by {@code |} and performance data; later lines are long text until a line holding {@code |}, after
 * which everything is more performance data.
 *
 * @param text     the first line before {@code |}, trimmed and cut to {@value #MAX_TEXT} characters
 * @param perfData every readable performance data item, in order
 */
public record PluginOutput(String text, List<PerfValue> perfData) {

    /** Enough for any status line a person reads; the rest would only bloat logs. */
    static final int MAX_TEXT = 1000;

    public PluginOutput {
        perfData = List.copyOf(perfData);
    }

    /** Splits {@code output}; no output gives the text {@code (no output)}. */
    static PluginOutput parse(String output) {
        String[] lines = output.split("\r?\n", -1);
        String first = lines[0];
        StringBuilder perf = new StringBuilder();
        int bar = first.indexOf('|');
        if (bar >= 0) {
            perf.append(first, bar + 1, first.length());
            first = first.substring(0, bar);
        }
        boolean inPerf = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (inPerf) {
                perf.append(' ').append(line);
            } else {
                int longBar = line.indexOf('|');
                if (longBar >= 0) {
                    perf.append(' ').append(line, longBar + 1, line.length());
                    inPerf = true;
                }
            }
        }
        String text = first.trim();
        if (text.isEmpty()) {
            text = "(no output)";
        } else if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return new PluginOutput(text, PerfDataParser.parse(perf.toString()));
    }
}
