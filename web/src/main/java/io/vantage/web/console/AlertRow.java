package io.vantage.web.console;

import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.Severity;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * An alert as the console lists it: how bad, on which node, for which monitor, since when, the last value judged and
 * who took it. Rows sort problems first (critical, then warning), newest change first within a severity.
 */
public final class AlertRow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Current problems first: the worst severity, then the most recent change. */
    static final Comparator<AlertRow> PROBLEMS_FIRST = Comparator
            .comparing((AlertRow row) -> row.severity).reversed()
            .thenComparing(row -> row.since, Comparator.reverseOrder());

    private final long id;
    private final Severity severity;
    private final boolean flapping;
    private final long nodeId;
    private final String nodeName;
    private final String monitorName;
    private final Instant since;
    private final String metric;
    private final String value;
    private final boolean acknowledged;
    private final String acknowledgedBy;
    private final String acknowledgementNote;

    /**
     * @param nodeName    the node's name, null when the node is gone
     * @param monitorName the monitor's name, null when it was deleted
     * @param metric      the metric the monitor judges, for writing the value; null when unknown
     */
    AlertRow(Alert alert, String nodeName, String monitorName, String metric) {
        this.id = alert.getId();
        this.severity = alert.getSeverity();
        this.flapping = alert.isFlapping();
        this.nodeId = alert.getNodeId();
        this.nodeName = nodeName == null ? "node " + alert.getNodeId() : nodeName;
        this.monitorName = monitorName == null ? "deleted monitor " + alert.getMonitorId() : monitorName;
        this.since = alert.getSince();
        this.metric = metric;
        this.value = alert.getLastValue() == null ? "–"
                : metric == null ? RuleText.number(alert.getLastValue())
                : MetricFormat.format(metric, alert.getLastValue());
        this.acknowledged = alert.isAcknowledged();
        this.acknowledgedBy = alert.getAcknowledgedBy();
        this.acknowledgementNote = alert.getAcknowledgementNote();
    }

    /** The metric the alert's monitor judges, null when the monitor is gone: for writing values of its history. */
    String metric() {
        return metric;
    }

    public long getId() {
        return id;
    }

    public String getSeverity() {
        return severity.name();
    }

    /** For the severity's colour: {@code severity-critical}, {@code severity-warning}, {@code severity-ok}. */
    public String getSeverityClass() {
        return "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }

    public boolean isProblem() {
        return severity.isProblem();
    }

    public boolean isFlapping() {
        return flapping;
    }

    public long getNodeId() {
        return nodeId;
    }

    public String getNodeName() {
        return nodeName;
    }

    public String getMonitorName() {
        return monitorName;
    }

    public String getSinceText() {
        return ConsoleTime.text(since);
    }

    public long getSinceMillis() {
        return ConsoleTime.millis(since);
    }

    public String getValue() {
        return value;
    }

    public boolean isAcknowledged() {
        return acknowledged;
    }

    /** Whether someone can still take it: a problem nobody has acknowledged since it began. */
    public boolean isAcknowledgeable() {
        return isProblem() && !isAcknowledged();
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAcknowledgementNote() {
        return acknowledgementNote;
    }

    /** "alice: on it", "alice" without a note, or "nobody". */
    public String getAcknowledgementText() {
        if (!acknowledged) {
            return "nobody";
        }
        return acknowledgementNote == null ? acknowledgedBy : acknowledgedBy + ": " + acknowledgementNote;
    }

    /** "CRITICAL on web-01 (High CPU)", for the acknowledgement dialog. */
    public String getTitle() {
        return severity.name() + " on " + nodeName + " (" + monitorName + ")";
    }
}
