package io.vantage.notifications.channels;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The plain-text body of a notice mail, written for someone woken at 3 am: the headline first, then what is wrong
 * where, the value against the threshold, since when (UTC, so it reads the same in every time zone of a team), and
 * the link. Plain text because it reads the same on a phone, in a terminal mail client and in a pager gateway.
 */
final class MailBody {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private MailBody() {
    }

    static String render(AlertNotice n) {
        StringBuilder body = new StringBuilder(600);
        body.append(headline(n)).append("\n\n");
        line(body, "Severity", severity(n));
        line(body, "Value", n.value() == null ? (n.kind() == NoticeKind.NO_DATA ? "none received" : null)
                : number(n.value()));
        line(body, "Threshold", n.threshold());
        line(body, "Check said", n.checkText() == null ? null : Text.singleLine(n.checkText()));
        line(body, timeLabel(n.kind()), UTC.format(n.occurredAt()));
        if (n.acknowledgedBy() != null) {
            line(body, "Acknowledged by", n.acknowledgedBy());
        }
        line(body, "Note", n.note());
        body.append('\n');
        line(body, "Metric", n.metric());
        line(body, "Node", n.nodeName() + " (id " + n.nodeId() + ")");
        line(body, "Monitor", n.monitorName() + " (id " + n.monitorId() + ")");
        line(body, "Organization", n.organization());
        line(body, "Alert", Long.toString(n.alertId()));
        if (n.link() != null) {
            body.append("\nOpen in Vantage: ").append(Text.singleLine(n.link())).append('\n');
        }
        body.append("\n-- \nVantage notification ").append(n.id()).append('\n');
        return body.toString();
    }

    private static String headline(AlertNotice n) {
        String what = n.metric() + " on " + n.nodeName();
        String headline = switch (n.kind()) {
            case PROBLEM -> n.severity() + ": " + what + " (monitor " + n.monitorName() + ")";
            case RESOLVED -> "RESOLVED: " + what + " is " + n.severity() + " again (monitor " + n.monitorName() + ")";
            case ACKNOWLEDGED -> "ACKNOWLEDGED by " + n.acknowledgedBy() + ": " + what + " (monitor "
                    + n.monitorName() + ")";
            case FLAPPING -> "FLAPPING: " + what + " keeps changing state (monitor " + n.monitorName() + ")";
            case FLAPPING_ENDED -> "FLAPPING ENDED: " + what + " has settled at " + n.severity() + " (monitor "
                    + n.monitorName() + ")";
            case NO_DATA -> "NO DATA: no recent values of " + what + " (monitor " + n.monitorName() + ")";
        };
        return Text.singleLine(headline);
    }

    private static String severity(AlertNotice n) {
        return n.previousSeverity() == null || n.previousSeverity().equalsIgnoreCase(n.severity())
                ? n.severity() : n.severity() + " (was " + n.previousSeverity() + ")";
    }

    private static String timeLabel(NoticeKind kind) {
        return switch (kind) {
            case PROBLEM -> "Since";
            case RESOLVED -> "Resolved at";
            case ACKNOWLEDGED -> "Acknowledged at";
            case FLAPPING -> "Flapping since";
            case FLAPPING_ENDED -> "Settled at";
            case NO_DATA -> "No data since";
        };
    }

    /** 97.5, 100, 0.001: never 1.0E-3, never a locale's decimal comma. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder body, String label, String value) {
        if (value != null) {
            // labels padded so values line up in a monospaced client; a multi-line note stays indented
            String text = value.strip().replace("\r\n", "\n").replace('\r', '\n');
            body.append(String.format("%-18s", label + ":")).append(text.replace("\n", "\n" + " ".repeat(18)))
                    .append('\n');
        }
    }
}
