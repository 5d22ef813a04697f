package io.vantage.notifications;

import io.vantage.notifications.channels.AlertNotice;
import io.vantage.notifications.channels.NoticeKind;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.monitors.AlertRuleSettings;
import io.vantage.persistence.monitors.Direction;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.notifications.Notification;

/** Puts together what a notification says from the alert's history entry, its monitor and its node. */
final class NoticeFactory {

    private NoticeFactory() {
    }

    static AlertNotice noticeOf(Notification notification, AlertEvent entry, Monitor monitor, Node node,
                                String consoleUrl) {
        String link = consoleUrl == null || consoleUrl.isBlank() ? null
                : consoleUrl.replaceAll("/+$", "") + "/node.xhtml?id=" + node.getId();
        return new AlertNotice("n" + notification.getId(), NoticeKind.valueOf(notification.getKind().name()),
                node.getOrganization().getName(), node.getName(), node.getId(), displayName(monitor),
                monitor.getId(), notification.getAlertId(), monitor.getMetric(), entry.getTo().name(),
                entry.getFrom().name(), entry.getValue(), threshold(monitor.getRule(), entry.getTo()),
                entry.getOccurredAt(),
                notification.getKind() == Notification.Kind.ACKNOWLEDGED ? entry.getRecordedBy() : null,
                entry.getNote(), link);
    }

    /** A retired monitor keeps its original name in what people read. */
    private static String displayName(Monitor monitor) {
        String name = monitor.getName();
        if (monitor.isDeleted() && name.startsWith("~")) {
            int space = name.indexOf(' ');
            return space > 0 ? name.substring(space + 1) + " (deleted)" : name;
        }
        return name;
    }

    /** The threshold of the severity in words: {@code > 90 (clears at <= 80)}. */
    static String threshold(AlertRuleSettings rule, Severity severity) {
        Double trigger = severity == Severity.CRITICAL ? rule.getCritical()
                : severity == Severity.WARNING ? rule.getWarning() : null;
        Double clear = severity == Severity.CRITICAL ? rule.getCriticalClear()
                : severity == Severity.WARNING ? rule.getWarningClear() : null;
        if (trigger == null) {
            return null;
        }
        boolean above = rule.getDirection() == Direction.ABOVE;
        String text = (above ? "> " : "< ") + number(trigger);
        if (clear != null && !clear.equals(trigger)) {
            text += " (clears at " + (above ? "<= " : ">= ") + number(clear) + ")";
        }
        return text;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
