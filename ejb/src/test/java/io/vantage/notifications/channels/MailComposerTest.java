package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private final MailComposer composer = new MailComposer(MailChannel.validateAddress("vantage@mon.acme.com"));

    @Test
    void subjects_say_severity_or_what_happened_then_metric_node_and_monitor() {
        assertEquals("[Vantage] CRITICAL: cpu.total.busy on web-1 (High CPU)", MailComposer.subject(Notices.problem()));
        assertEquals("[Vantage] RESOLVED: cpu.total.busy on web-1 (High CPU)",
                MailComposer.subject(Notices.resolved()));
        assertEquals("[Vantage] ACK: cpu.total.busy on web-1 (High CPU)",
                MailComposer.subject(Notices.acknowledged()));
    }

    @Test
    void a_line_break_in_a_node_name_cannot_leave_the_subject() {
        String subject = MailComposer.subject(Notices.onNode("n-1", "web-1\r\nBcc: evil@example.com"));

        assertEquals("[Vantage] CRITICAL: cpu.total.busy on web-1 Bcc: evil@example.com (High CPU)", subject);
    }

    @Test
    void the_opening_mail_has_an_id_derived_from_the_alert_and_follow_ups_reply_to_it() {
        String opening = composer.messageId(Notices.problem());

        assertEquals("<alert-42-problem.node-3.monitor-7@mon.acme.com>", opening);
        assertTrue(composer.inReplyTo(Notices.problem()).isEmpty());
        assertEquals(opening, composer.inReplyTo(Notices.resolved()).orElseThrow());
        assertEquals(opening, composer.inReplyTo(Notices.acknowledged()).orElseThrow());
        assertEquals("<notice-n-resolved-1@mon.acme.com>", composer.messageId(Notices.resolved()));
    }

    @Test
    void an_escalation_of_an_open_alert_gets_its_own_id_so_clients_do_not_hide_it_as_a_duplicate() {
        AlertNotice p = Notices.problem();
        AlertNotice escalation = new AlertNotice("n-problem-2", NoticeKind.PROBLEM, p.organization(), p.nodeName(),
                p.nodeId(), p.monitorName(), p.monitorId(), p.alertId(), p.metric(), "CRITICAL", "WARNING", 99.0,
                p.threshold(), p.occurredAt(), null, null, p.link());

        assertNotEquals(composer.messageId(p), composer.messageId(escalation));
        assertEquals(composer.messageId(p), composer.inReplyTo(escalation).orElseThrow());
    }

    @Test
    void the_body_tells_what_where_value_against_threshold_since_when_and_where_to_look() {
        String body = MailBody.render(Notices.problem());

        assertTrue(body.startsWith("CRITICAL: cpu.total.busy on web-1 (monitor High CPU)\n\n"), body);
        assertTrue(body.contains("Severity:         CRITICAL (was OK)\n"), body);
        assertTrue(body.contains("Value:            97.5\n"), body);
        assertTrue(body.contains("Threshold:        > 90 (clears at <= 80)\n"), body);
        assertTrue(body.contains("Since:            2026-11-28 03:12:45 UTC\n"), body);
        assertTrue(body.contains("Node:             web-1 (id 3)\n"), body);
        assertTrue(body.contains("Organization:     Acme\n"), body);
        assertTrue(body.contains("Open in Vantage: https://vantage.example.com/alerts/42\n"), body);
        assertTrue(body.contains("Vantage notification n-problem-1"), body);
    }

    @Test
    void an_alert_on_an_agent_checks_status_says_what_the_check_said_under_the_threshold() {
        String body = MailBody.render(Notices.checkProblem());

        assertTrue(body.contains("Threshold:        > 1.5\nCheck said:       DISK CRITICAL - free space: / 12 MB (1%)\n"),
                body);
        assertFalse(MailBody.render(Notices.problem()).contains("Check said"));
    }

    @Test
    void an_acknowledgement_says_who_and_keeps_a_multi_line_note_indented() {
        AlertNotice a = Notices.acknowledged();
        AlertNotice withNote = new AlertNotice(a.id(), a.kind(), a.organization(), a.nodeName(), a.nodeId(),
                a.monitorName(), a.monitorId(), a.alertId(), a.metric(), a.severity(), a.previousSeverity(), null,
                null, a.occurredAt(), "alice", "restarting the batch job\nback in 10 min", null);

        String body = MailBody.render(withNote);

        assertTrue(body.startsWith("ACKNOWLEDGED by alice: cpu.total.busy on web-1"), body);
        assertTrue(body.contains("Acknowledged by:  alice\n"), body);
        assertTrue(body.contains("Note:             restarting the batch job\n                  back in 10 min\n"),
                body);
        assertFalse(body.contains("Value:"), body);
    }

    @Test
    void values_are_written_plainly_whatever_their_size() {
        assertEquals("100", MailBody.number(100.0));
        assertEquals("0.001", MailBody.number(0.001));
        assertEquals("-3.25", MailBody.number(-3.25));
        assertEquals("12345678901", MailBody.number(1.2345678901E10));
    }

    @Test
    void a_sender_without_a_domain_still_gives_well_formed_ids() {
        InternetAddress bare = new InternetAddress();
        bare.setAddress("vantage-local");
        MailComposer local = new MailComposer(bare);

        assertEquals("<notice-n-resolved-1@vantage>", local.messageId(Notices.resolved()));
    }
}
