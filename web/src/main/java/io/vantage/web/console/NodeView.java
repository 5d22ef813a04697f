package io.vantage.web.console;

import io.vantage.infrastructure.cassandra.StorageUnavailableException;
import io.vantage.inventory.NodeCatalog;
import io.vantage.inventory.NodeSummary;
import io.vantage.metrics.MetricQueries;
import io.vantage.persistence.metrics.SamplePoint;
import io.vantage.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node page ({@code node.xhtml?id=N}): the node, its last hour on three charts and its newest values. The page
 * draws what storage holds when it opens; pushed samples keep it current from then on. A node that is unknown or
 * another organization's is "not found" with HTTP 404, the same answer for both so ids cannot be probed.
 */
@Named
@RequestScoped
public class NodeView {

    /** How far back the charts reach; live.js drops points older than this. */
    static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    Caller caller;

    @Inject
    NodeCatalog catalog;

    @Inject
    MetricQueries queries;

    @Inject
    Clock clock;

    @Inject
    FacesContext faces;

    private String id;
    private NodeSummary node;
    private Instant now;
    private boolean storageUnavailable;
    private List<MetricCell> latest = List.of();
    private final Map<NodeChart, ChartView> charts = new EnumMap<>(NodeChart.class);

    /** Runs once per page load (f:viewAction), after the {@code id} parameter is set. */
    public void load() {
        node = parseId(id).flatMap(nodeId -> catalog.find(caller, nodeId)).orElse(null);
        if (node == null) {
            faces.getExternalContext().setResponseStatus(404);
            return;
        }
        now = clock.instant();
        latest = node.latest().stream().map(MetricCell::of).toList();
        Map<String, List<SamplePoint>> samples = history(now.minus(WINDOW), now);
        for (NodeChart chart : NodeChart.values()) {
            charts.put(chart, new ChartView(chart, samples, now.minus(WINDOW), now));
        }
    }

    private Map<String, List<SamplePoint>> history(Instant from, Instant to) {
        try {
            return NodeHistory.load(queries, caller, node.id(), from, to);
        } catch (StorageUnavailableException e) {
            // the charts start empty and fill from the live feed; the page says why
            storageUnavailable = true;
            ConsoleLog.storageUnavailable(node.id(), e.getMessage());
            return Map.of();
        }
    }

    private static Optional<Long> parseId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim())).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isFound() {
        return node != null;
    }

    public long getNodeId() {
        return node.id();
    }

    public String getName() {
        return node.name();
    }

    public List<String> getTags() {
        return new ArrayList<>(node.tags());
    }

    /** The same "last seen" as the node list shows, moved on by pushed samples. */
    public String getLastSeenText() {
        return ConsoleTime.text(NodeRow.lastSeen(node));
    }

    public long getLastSeenMillis() {
        return ConsoleTime.millis(NodeRow.lastSeen(node));
    }

    public boolean isStorageUnavailable() {
        return storageUnavailable;
    }

    public List<MetricCell> getLatest() {
        return latest;
    }

    public ChartView getCpu() {
        return charts.get(NodeChart.CPU);
    }

    public ChartView getMemory() {
        return charts.get(NodeChart.MEMORY);
    }

    public ChartView getLoad() {
        return charts.get(NodeChart.LOAD);
    }

    /** The server's clock when the page was drawn: live.js measures the chart window on it, not on the browser's. */
    public long getServerNow() {
        return now.toEpochMilli();
    }

    public long getWindowMillis() {
        return WINDOW.toMillis();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
