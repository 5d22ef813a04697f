package io.vantage.web.console;

import io.vantage.persistence.alerts.AlertEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/** One entry of an alert's history as the alert page lists it: when, what changed, why, and who (for people). */
public final class HistoryRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant at;
    private final String change;
    private final String reason;
    private final String value;
    private final String by;
    private final String note;
    private final boolean quiet;
    private final boolean inMaintenance;

    /** @param metric the monitor's metric, for writing the value; null when unknown */
    HistoryRow(AlertEvent entry, String metric) {
        this.at = entry.getOccurredAt();
        // an acknowledgement or a flapping change keeps the severity: it is said once
        this.change = entry.getFrom() == entry.getTo() ? entry.getTo().name()
                : entry.getFrom().name() + " → " + entry.getTo().name();
        this.reason = entry.getReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        this.value = entry.getValue() == null ? "" : metric == null ? RuleText.number(entry.getValue())
                : MetricFormat.format(metric, entry.getValue());
        this.by = entry.getRecordedBy();
        this.note = entry.getNote();
        this.quiet = entry.isQuiet();
        this.inMaintenance = entry.isInMaintenance();
    }

    public String getAtText() {
        return ConsoleTime.text(at);
    }

    public long getAtMillis() {
        return ConsoleTime.millis(at);
    }

    public String getChange() {
        return change;
    }

    public String getReason() {
        return reason;
    }

    public String getValue() {
        return value;
    }

    public String getBy() {
        return by;
    }

    public String getNote() {
        return note;
    }

    /** "quiet (flapping)", "in maintenance", both or nothing: why nobody was told. */
    public String getMarks() {
        if (quiet && inMaintenance) {
            return "quiet (flapping), in maintenance";
        }
        return quiet ? "quiet (flapping)" : inMaintenance ? "in maintenance" : "";
    }
}
