package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlertNoticeTest {

    @Test
    void a_notice_refuses_ids_that_cannot_go_into_a_mail_header() {
        assertThrows(IllegalArgumentException.class, () -> Notices.onNode("a b", "web-1"));
        assertThrows(IllegalArgumentException.class, () -> Notices.onNode("x\r\nBcc: evil@example.com", "web-1"));
        assertThrows(IllegalArgumentException.class, () -> Notices.onNode("", "web-1"));
        assertThrows(IllegalArgumentException.class, () -> Notices.onNode("x".repeat(129), "web-1"));
        Notices.onNode("5f0c3a52-8f7e-4c1e-9d55-0b6f2f6f2a10", "web-1");
    }

    @Test
    void a_notice_refuses_a_value_json_cannot_carry() {
        AlertNotice p = Notices.problem();
        assertThrows(IllegalArgumentException.class, () -> new AlertNotice(p.id(), p.kind(), p.organization(),
                p.nodeName(), p.nodeId(), p.monitorName(), p.monitorId(), p.alertId(), p.metric(), p.severity(),
                p.previousSeverity(), Double.NaN, p.threshold(), p.occurredAt(), null, null, null));
    }

    @Test
    void an_acknowledgement_must_say_who_acknowledged() {
        AlertNotice a = Notices.acknowledged();
        assertThrows(IllegalArgumentException.class, () -> new AlertNotice(a.id(), a.kind(), a.organization(),
                a.nodeName(), a.nodeId(), a.monitorName(), a.monitorId(), a.alertId(), a.metric(), a.severity(),
                a.previousSeverity(), null, null, a.occurredAt(), " ", a.note(), null));
    }

    @Test
    void a_notice_refuses_a_blank_node_name() {
        assertThrows(IllegalArgumentException.class, () -> Notices.onNode("n-1", " \n"));
    }
}
