package io.vantage.web.console;

import io.vantage.monitors.MonitorDefinition;
import io.vantage.persistence.monitors.Direction;
import java.io.Serializable;

/**
 * What the monitors page's form holds while someone writes a new monitor. Nothing is checked here: the monitor
 * catalog validates the whole definition and its message is what the page shows, so the console and the API refuse
 * the same things with the same words.
 */
public class MonitorForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String nodeQuery;
    private String metric;
    private Direction direction = Direction.ABOVE;
    private Double warning;
    private Double warningClear;
    private Double critical;
    private Double criticalClear;
    private Integer consecutive = 1;
    private Integer noDataSeconds;
    private Long planId;
    private boolean enabled = true;

    /** The definition as the services take it: a metric agents or Graphite senders report, no remote check. */
    MonitorDefinition definition() {
        // the query as typed, so that the column in a parser message points where the person typed
        String query = text(nodeQuery) == null ? null : nodeQuery;
        return new MonitorDefinition(text(name), query, text(metric),
                new MonitorDefinition.Rule(direction, warning, warningClear, critical, criticalClear, consecutive,
                        0, noDataSeconds, null, null, null),
                null, planId, enabled);
    }

    /** An empty field is a missing one: an empty query selects every node, which nobody means by leaving it out. */
    private static String text(String field) {
        return field == null || field.isBlank() ? null : field.strip();
    }

    public Direction[] getDirections() {
        return Direction.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNodeQuery() {
        return nodeQuery;
    }

    public void setNodeQuery(String nodeQuery) {
        this.nodeQuery = nodeQuery;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public Double getWarning() {
        return warning;
    }

    public void setWarning(Double warning) {
        this.warning = warning;
    }

    public Double getWarningClear() {
        return warningClear;
    }

    public void setWarningClear(Double warningClear) {
        this.warningClear = warningClear;
    }

    public Double getCritical() {
        return critical;
    }

    public void setCritical(Double critical) {
        this.critical = critical;
    }

    public Double getCriticalClear() {
        return criticalClear;
    }

    public void setCriticalClear(Double criticalClear) {
        this.criticalClear = criticalClear;
    }

    public Integer getConsecutive() {
        return consecutive;
    }

    public void setConsecutive(Integer consecutive) {
        this.consecutive = consecutive;
    }

    public Integer getNoDataSeconds() {
        return noDataSeconds;
    }

    public void setNoDataSeconds(Integer noDataSeconds) {
        this.noDataSeconds = noDataSeconds;
    }

    public Long getPlanId() {
        return planId;
    }

    public void setPlanId(Long planId) {
        this.planId = planId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
