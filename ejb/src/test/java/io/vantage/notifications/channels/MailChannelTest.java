package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vantage.notifications.channels.DeliveryResult.Outcome;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final List<String> ON_CALL = List.of("alice@example.com", "On call <oncall@example.com>");

    @Test
    void a_problem_mail_arrives_with_its_subject_headers_and_body() throws Exception {
        DeliveryResult result = channel(SMTP.getSmtp().getPort()).send(Notices.problem(), ON_CALL);

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox");
        MimeMessage mail = received[0];
        assertEquals("[Vantage] CRITICAL: cpu.total.busy on web-1 (High CPU)", mail.getSubject());
        assertEquals("vantage@mon.acme.com", ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("alice@example.com"),
                new InternetAddress("On call <oncall@example.com>")}, mail.getRecipients(Message.RecipientType.TO));
        assertEquals("42", mail.getHeader("X-Vantage-Alert", null));
        assertEquals("n-problem-1", mail.getHeader("X-Vantage-Notification", null));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("<alert-42-problem.node-3.monitor-7@mon.acme.com>", mail.getMessageID());
        assertNull(mail.getHeader("In-Reply-To"));
        String body = (String) mail.getContent();
        assertTrue(body.contains("Value:            97.5"), body);
        assertTrue(body.contains("Since:            2026-11-28 03:12:45 UTC"), body);
        assertTrue(body.contains("https://vantage.example.com/alerts/42"), body);
    }

    @Test
    void a_resolved_mail_threads_to_the_problem_mail_of_the_same_alert() throws Exception {
        MailChannel channel = channel(SMTP.getSmtp().getPort());

        channel.send(Notices.problem(), List.of("alice@example.com"));
        channel.send(Notices.resolved(), List.of("alice@example.com"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length);
        String problemId = received[0].getMessageID();
        assertEquals("[Vantage] RESOLVED: cpu.total.busy on web-1 (High CPU)", received[1].getSubject());
        assertEquals(problemId, received[1].getHeader("In-Reply-To", null));
        assertEquals(problemId, received[1].getHeader("References", null));
        assertEquals("<notice-n-resolved-1@mon.acme.com>", received[1].getMessageID());
    }

    @Test
    void non_ascii_names_arrive_intact() throws Exception {
        channel(SMTP.getSmtp().getPort()).send(Notices.onNode("n-1", "bürо-сервер-1"), List.of("alice@example.com"));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertEquals("[Vantage] CRITICAL: cpu.total.busy on bürо-сервер-1 (High CPU)", mail.getSubject());
        assertTrue(((String) mail.getContent()).contains("bürо-сервер-1 (id 3)"));
    }

    @Test
    void a_malformed_recipient_is_a_permanent_failure_and_nothing_is_sent() {
        DeliveryResult result = channel(SMTP.getSmtp().getPort())
                .send(Notices.problem(), List.of("alice@example.com", "bob at example.com"));

        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertTrue(result.detail().contains("'bob at example.com' is not a valid mail address"), result.detail());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void no_recipients_is_a_permanent_failure() {
        assertEquals(Outcome.PERMANENT_FAILURE, channel(SMTP.getSmtp().getPort()).send(Notices.problem(), List.of())
                .outcome());
    }

    @Test
    void recipients_the_relay_refuses_are_a_permanent_failure() throws Exception {
        try (StubSmtpServer relay = StubSmtpServer.refusingRecipients()) {
            DeliveryResult result = channel(relay.port()).send(Notices.problem(), List.of("nobody@example.com"));

            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
            assertTrue(result.detail().contains("nobody@example.com"), result.detail());
            assertTrue(result.detail().contains("550"), result.detail());
        }
    }

    @Test
    void a_relay_that_is_down_is_retryable_not_an_exception() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryResult result = channel(closedPort).send(Notices.problem(), ON_CALL);

        assertEquals(Outcome.RETRYABLE, result.outcome());
        assertTrue(result.detail().contains("Connection refused"), result.detail());
        assertNull(result.httpStatus());
    }

    @Test
    void a_relay_that_never_answers_is_retryable_once_the_session_timeout_passes() throws Exception {
        try (StubSmtpServer relay = StubSmtpServer.silent()) {
            DeliveryResult result = channel(relay.port()).send(Notices.problem(), ON_CALL);

            assertEquals(Outcome.RETRYABLE, result.outcome(), result.detail());
            assertTrue(result.took().compareTo(Duration.ofSeconds(5)) < 0, result.took().toString());
        }
    }

    @Test
    void a_bad_sender_is_refused_when_the_channel_is_made() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MailChannel(Session.getInstance(new Properties()), "vantage"));
        assertTrue(e.getMessage().contains("'vantage' is not a valid mail address"), e.getMessage());
    }

    private static MailChannel channel(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "1000");
        properties.setProperty("mail.smtp.writetimeout", "1000");
        return new MailChannel(Session.getInstance(properties), "Vantage <vantage@mon.acme.com>");
    }
}
