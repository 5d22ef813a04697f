package io.vantage.graphite;

import io.vantage.connector.api.GraphiteBatch;
import io.vantage.metrics.BatchRules;
import io.vantage.protocol.MetricNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that maps a Graphite path to a node and a metric. A known sender prefix is dropped first (by default
 * {@code collectd.} and {@code telegraf.}); the next segment names the node and the rest is the metric. So collectd's
 * {@code collectd.web-01.load.load.shortterm} is metric {@code load.load.shortterm} of node {@code web-01}
 * (collectd writes dots inside host names as {@code _}). Lines that map to no valid node and metric, or whose time is
 * outside what Vantage keeps, are dropped and counted, as carbon drops lines it cannot read.
 */
public final class GraphitePaths {

    private final List<String> strippedPrefixes;

    /** @param strippedPrefixes sender prefixes to drop, each ending with a dot */
    public GraphitePaths(List<String> strippedPrefixes) {
        this.strippedPrefixes = List.copyOf(strippedPrefixes);
    }

    /** Reads a comma-separated prefix list as operators write it: {@code collectd,telegraf} or {@code collectd.}. */
    public static GraphitePaths fromSetting(String prefixes) {
        List<String> list = new ArrayList<>();
        for (String prefix : prefixes.split(",")) {
            String trimmed = prefix.strip();
            if (!trimmed.isEmpty()) {
                list.add(trimmed.endsWith(".") ? trimmed : trimmed + ".");
            }
        }
        return new GraphitePaths(list);
    }

    /** The batch's lines grouped by node name, with what was dropped. */
    public Mapped map(GraphiteBatch batch, Instant now) {
        long oldest = now.minus(BatchRules.RETENTION).toEpochMilli();
        long newest = now.plus(BatchRules.MAX_CLOCK_AHEAD).toEpochMilli();
        Map<String, NodeSamples> byNode = new LinkedHashMap<>();
        int unmapped = 0;
        int outOfTime = 0;
        for (int i = 0; i < batch.size(); i++) {
            String path = stripPrefix(batch.paths()[i]);
            int dot = path.indexOf('.');
            String node = dot > 0 ? path.substring(0, dot) : "";
            String metric = dot > 0 ? path.substring(dot + 1) : "";
            if (node.isEmpty() || node.length() > 255 || !MetricNames.isValid(node) || !MetricNames.isValid(metric)
                    || !Double.isFinite(batch.values()[i])) {
                unmapped++;
                continue;
            }
            long timestamp = batch.timestamps()[i];
            if (timestamp < oldest || timestamp > newest) {
                outOfTime++;
                continue;
            }
            byNode.computeIfAbsent(node, n -> new NodeSamples()).add(metric, timestamp, batch.values()[i]);
        }
        return new Mapped(byNode, unmapped, outOfTime);
    }

    private String stripPrefix(String path) {
        for (String prefix : strippedPrefixes) {
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }

    /**
     * A batch mapped to nodes.
     *
     * @param byNode    each node's samples, by node name, in the order first seen
     * @param unmapped  lines whose path names no valid node and metric
     * @param outOfTime lines older than the retention or too far in the future
     */
    public record Mapped(Map<String, NodeSamples> byNode, int unmapped, int outOfTime) {
    }

    /** One node's samples from a batch, in columns. */
    public static final class NodeSamples {

        private final List<String> metrics = new ArrayList<>();
        private final List<Long> timestamps = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        void add(String metric, long timestamp, double value) {
            metrics.add(metric);
            timestamps.add(timestamp);
            values.add(value);
        }

        public String[] metrics() {
            return metrics.toArray(String[]::new);
        }

        public long[] timestamps() {
            return timestamps.stream().mapToLong(Long::longValue).toArray();
        }

        public double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        public int size() {
            return metrics.size();
        }
    }
}
