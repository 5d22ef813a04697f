package io.vantage.bench;

import java.util.Locale;

/**
 * Graphite plaintext lines ({@code path value timestamp\n}, timestamp in epoch seconds) for the simulated clients:
 * client {@code c} writes {@code benchg-c.<tag>.m<j>}, so Vantage maps node {@code benchg-c} and metric
 * {@code <tag>.m<j>}; carbon and VictoriaMetrics store the whole path.
 */
final class GraphiteLines {

    private GraphiteLines() {
    }

    static String node(int client) {
        return "benchg-" + client;
    }

    static String path(int client, String tag, int metric) {
        return node(client) + "." + tag + ".m" + metric;
    }

    static String line(String path, double value, long epochSeconds) {
        return path + " " + String.format(Locale.ROOT, "%.3f", value) + " " + epochSeconds + "\n";
    }
}
