package io.vantage.notifications.channels;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one notification says: one change of one alert, for one delivery. Channels render it (mail, JSON) and never
 * look anything up, so a notice must carry every fact the reader needs.
 *
 * @param id               unique per delivery, so receivers can drop a retried duplicate; 1 to 128 letters, digits,
 *                         '-', '_' and inner dots (a UUID fits), because it also goes into mail headers and
 *                         Message-IDs
 * @param kind             what happened
 * @param organization     the name of the organization that owns the node
 * @param nodeName         the node's name
 * @param nodeId           the node's id
 * @param monitorName      the monitor's name
 * @param monitorId        the monitor's id
 * @param alertId          the alert's id: the same for every notice about one incident, from PROBLEM to RESOLVED
 * @param metric           the metric the monitor watches
 * @param severity         the severity now: OK, WARNING or CRITICAL
 * @param previousSeverity the severity before this change; {@code null} when unknown
 * @param value            the value that caused the change; {@code null} when there is none (NO_DATA,
 *                         ACKNOWLEDGED); finite otherwise
 * @param threshold        the threshold in words, e.g. {@code "> 90 (clears at <= 80)"}; may be {@code null}
 * @param occurredAt       when the change happened
 * @param acknowledgedBy   who acknowledged; required for ACKNOWLEDGED, otherwise usually {@code null}
 * @param note             what they wrote when acknowledging; may be {@code null}
 * @param link             the alert in the console, an absolute URL; may be {@code null}
 * @param checkText        when the metric is an agent check's {@code check.<name>.status}, what the check's plugin
 *                         said at the time (its status text); {@code null} otherwise or when it is not known
 */
public record AlertNotice(String id, NoticeKind kind, String organization, String nodeName, long nodeId,
                          String monitorName, long monitorId, long alertId, String metric, String severity,
                          String previousSeverity, Double value, String threshold, Instant occurredAt,
                          String acknowledgedBy, String note, String link, String checkText) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    public AlertNotice {
        Objects.requireNonNull(id, "id");
        if (id.length() > 128 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("notice id must be 1 to 128 letters, digits, '-', '_' or inner dots: '"
                    + Text.abbreviate(Text.singleLine(id), 40) + "'");
        }
        Objects.requireNonNull(kind, "kind");
        requireText(organization, "organization");
        requireText(nodeName, "nodeName");
        requireText(monitorName, "monitorName");
        requireText(metric, "metric");
        requireText(severity, "severity");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (value != null && !Double.isFinite(value)) {
            // JSON has no NaN or Infinity, and ingestion refuses them, so one here is a bug upstream
            throw new IllegalArgumentException("value must be finite, not " + value);
        }
        if (kind == NoticeKind.ACKNOWLEDGED && (acknowledgedBy == null || acknowledgedBy.isBlank())) {
            throw new IllegalArgumentException("an ACKNOWLEDGED notice must say who acknowledged");
        }
    }

    /** A notice without a check's status text. */
    public AlertNotice(String id, NoticeKind kind, String organization, String nodeName, long nodeId,
                       String monitorName, long monitorId, long alertId, String metric, String severity,
                       String previousSeverity, Double value, String threshold, Instant occurredAt,
                       String acknowledgedBy, String note, String link) {
        this(id, kind, organization, nodeName, nodeId, monitorName, monitorId, alertId, metric, severity,
                previousSeverity, value, threshold, occurredAt, acknowledgedBy, note, link, null);
    }

    /** This notice, saying what the check's plugin said. */
    public AlertNotice withCheckText(String text) {
        return new AlertNotice(id, kind, organization, nodeName, nodeId, monitorName, monitorId, alertId, metric,
                severity, previousSeverity, value, threshold, occurredAt, acknowledgedBy, note, link, text);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
