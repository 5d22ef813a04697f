package io.vantage.web.console;

import io.vantage.persistence.monitors.Monitor;
import java.io.Serializable;

/**
 * A monitor as one row of the monitor list: what it watches, on which nodes, when it alerts (in words), who hears of
 * it, and how many nodes it applies to now (the monitor applier's latest answer to its query).
 */
public final class MonitorRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String nodeQuery;
    private final String metric;
    private final String rule;
    private final String plan;
    private final int nodes;
    private final boolean enabled;

    private MonitorRow(Monitor monitor, String plan, int nodes) {
        this.id = monitor.getId();
        this.name = monitor.getName();
        this.nodeQuery = monitor.getNodeQuery();
        this.metric = monitor.getMetric();
        this.rule = RuleText.of(monitor.getRule());
        this.plan = plan;
        this.nodes = nodes;
        this.enabled = monitor.isEnabled();
    }

    /**
     * @param plan  the name of the monitor's notification plan, null when it notifies nobody
     * @param nodes the number of nodes it applies to
     */
    static MonitorRow of(Monitor monitor, String plan, int nodes) {
        return new MonitorRow(monitor, plan, nodes);
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNodeQuery() {
        return nodeQuery;
    }

    public String getMetric() {
        return metric;
    }

    public String getRule() {
        return rule;
    }

    public String getPlan() {
        return plan == null ? "no notifications" : plan;
    }

    public int getNodes() {
        return nodes;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
