package io.vantage.web.console;

import io.vantage.inventory.NodeSummary;
import io.vantage.persistence.metrics.LatestValue;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A node as one row of the node list: who it is, when it was last heard from, and the three values an operator
 * scans for first (CPU, memory, load).
 */
public final class NodeRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String tags;
    private final Instant lastSeen;
    private final MetricCell cpu;
    private final MetricCell memory;
    private final MetricCell load;

    private NodeRow(NodeSummary node) {
        this.id = node.id();
        this.name = node.name();
        this.tags = String.join(", ", node.tags());
        this.lastSeen = lastSeen(node);
        this.cpu = MetricCell.find("cpu.total", node.latest());
        this.memory = MetricCell.find("mem.used_percent", node.latest());
        this.load = MetricCell.find("load.1m", node.latest());
    }

    static NodeRow of(NodeSummary node) {
        return new NodeRow(node);
    }

    /**
     * When the node was last heard from: its agent's last connection or its newest sample, whichever is newer. A
     * pushed sample moves it on in the browser by the same rule.
     */
    static Instant lastSeen(NodeSummary node) {
        return Stream.concat(Stream.ofNullable(node.lastSeenAt()),
                        node.latest().stream().map(LatestValue::timestamp).filter(Objects::nonNull))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTags() {
        return tags;
    }

    public String getLastSeenText() {
        return ConsoleTime.text(lastSeen);
    }

    public long getLastSeenMillis() {
        return ConsoleTime.millis(lastSeen);
    }

    public MetricCell getCpu() {
        return cpu;
    }

    public MetricCell getMemory() {
        return memory;
    }

    public MetricCell getLoad() {
        return load;
    }
}
