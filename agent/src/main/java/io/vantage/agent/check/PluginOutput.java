package io.vantage.agent.check;

import io.vantage.protocol.CheckRun;
import java.util.List;

/**
 * A plugin's output split as the Nagios plugin API defines it: the first line is the status text, optionally
 * followed by {@code |} and performance data; later lines are long text until a line holding {@code |}, after
 * which everything is more performance data.
 *
 * @param text     the first line before {@code |}, trimmed and bounded as the server takes it
 *                 ({@link CheckRun#boundedText}: at most 1 KiB, cut with a marker)
 * @param perfData every readable performance data item, in order
 */
public record PluginOutput(String text, List<PerfValue> perfData) {

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
        }
        // the agent logs, keeps and sends the same text, so an operator comparing them sees one thing
        text = CheckRun.boundedText(text);
        return new PluginOutput(text, PerfDataParser.parse(perf.toString()));
    }
}
