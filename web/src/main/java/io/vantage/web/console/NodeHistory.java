package io.vantage.web.console;

import io.vantage.infrastructure.cassandra.StorageUnavailableException;
import io.vantage.metrics.MetricQueries;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.security.Caller;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored samples the node page's charts open with: every charted series of one node over one window. */
final class NodeHistory {

    /** An hour of one series at the agent's shortest interval (1 s) fits. */
    static final int MAX_POINTS_PER_SERIES = 4000;

    private NodeHistory() {
    }

    /**
     * The samples in {@code [from, to]} by metric; a series the node never reported is absent.
     *
     * @throws StorageUnavailableException when the time-series store cannot be reached
     */
    static Map<String, List<SamplePoint>> load(MetricQueries queries, Caller caller, long nodeId, Instant from,
                                               Instant to) {
        Map<String, List<SamplePoint>> samples = new HashMap<>();
        for (NodeChart chart : NodeChart.values()) {
            for (NodeChart.Series series : chart.series()) {
                // queries cover [from, to): one more millisecond takes in a sample stamped this very instant
                queries.samples(caller, nodeId, series.metric(), from, to.plusMillis(1), MAX_POINTS_PER_SERIES)
                        .ifPresent(points -> samples.put(series.metric(), points));
            }
        }
        return samples;
    }
}
