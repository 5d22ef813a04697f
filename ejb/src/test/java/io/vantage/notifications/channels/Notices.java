package io.vantage.notifications.channels;

import java.time.Instant;

/** Notices for the channels' tests: one incident, alert 42, CPU on web-1, in its successive states. */
final class Notices {

    static final Instant AT = Instant.parse("2026-11-28T03:12:45Z");

    private Notices() {
    }

    static AlertNotice problem() {
        return new AlertNotice("n-problem-1", NoticeKind.PROBLEM, "Acme", "web-1", 3, "High CPU", 7, 42,
                "cpu.total.busy", "CRITICAL", "OK", 97.5, "> 90 (clears at <= 80)", AT, null, null,
                "https://vantage.example.com/alerts/42");
    }

    static AlertNotice resolved() {
        return new AlertNotice("n-resolved-1", NoticeKind.RESOLVED, "Acme", "web-1", 3, "High CPU", 7, 42,
                "cpu.total.busy", "OK", "CRITICAL", 71.25, "> 90 (clears at <= 80)", AT.plusSeconds(600), null, null,
                "https://vantage.example.com/alerts/42");
    }

    static AlertNotice acknowledged() {
        return new AlertNotice("n-ack-1", NoticeKind.ACKNOWLEDGED, "Acme", "web-1", 3, "High CPU", 7, 42,
                "cpu.total.busy", "CRITICAL", "CRITICAL", null, null, AT.plusSeconds(120), "alice",
                "restarting the batch job", null);
    }

    /** A problem raised on an agent check's status, with what the check's plugin said. */
    static AlertNotice checkProblem() {
        return new AlertNotice("n-problem-3", NoticeKind.PROBLEM, "Acme", "web-1", 3, "Disk check", 8, 43,
                "check.disk.status", "CRITICAL", "OK", 2.0, "> 1.5", AT, null, null, null)
                .withCheckText("DISK CRITICAL - free space: / 12 MB (1%)");
    }

    static AlertNotice onNode(String id, String nodeName) {
        AlertNotice p = problem();
        return new AlertNotice(id, p.kind(), p.organization(), nodeName, p.nodeId(), p.monitorName(), p.monitorId(),
                p.alertId(), p.metric(), p.severity(), p.previousSeverity(), p.value(), p.threshold(), p.occurredAt(),
                null, null, p.link());
    }
}
