package io.vantage.it;

import static io.vantage.it.WebhookReceiver.SOON;
import static io.vantage.it.WebhookReceiver.about;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerting as an operator meets it: a node described by tags, a monitor that selects it by query, a value crossing
 * the critical threshold, the problem arriving by mail (a real SMTP server) and webhook, the value recovering, and the
 * resolution arriving on both; a receiver that is busy for a while still gets its notice. Samples come in as Graphite
 * lines so each value is exactly the one the test needs.
 */
class AlertNotificationIT {

    private static AlertingSupport alerting;
    private static VantageApi api;
    private static WebhookReceiver webhook;
    private static GreenMail smtp;

    @BeforeAll
    static void startVantageMailAndWebhookReceiver() {
        smtp = new GreenMail(new ServerSetup(RunningVantage.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        alerting = AlertingSupport.connect("alert notification tests");
        api = alerting.api;
        webhook = alerting.webhook;
    }

    @AfterAll
    static void stopReceivers() {
        if (alerting != null) {
            alerting.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_critical_value_reaches_mail_and_webhook_and_its_recovery_resolves_both() throws Exception {
        String run = AlertingSupport.newRun();
        String host = "alerting-" + run;
        Instant start = Instant.now().minusSeconds(30);
        GraphiteLines.send(host, "cpu.busy", 10, start);
        long nodeId = api.awaitNode(host, Duration.ofSeconds(30));
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"web\",\"run-" + run + "\"],\"os\":\"Linux\"}")
                .status());

        long hook = api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\",\"target\":\""
                + webhook.url() + "\",\"secret\":\"s3cret\"}").createdId();
        long mail = api.post("/channels", "{\"name\":\"mail-" + run + "\",\"kind\":\"EMAIL\",\"target\":"
                + "\"oncall-" + run + "@it.example\"}").createdId();
        long plan = api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":[" + hook + ","
                + mail + "],\"WARNING\":[" + hook + "]}}").createdId();
        long monitor = api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + " AND os:linux AND NOT tag:staging\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\","
                + "\"warning\":80,\"warningClear\":70,\"critical\":90,\"criticalClear\":80},\"planId\":" + plan + "}")
                .createdId();
        alerting.awaitApplied(monitor, nodeId);

        GraphiteLines.send(host, "cpu.busy", 95, start.plusSeconds(10));
        JsonObject problem = webhook.awaitHook(about(monitor, "PROBLEM"), SOON);
        assertEquals("CRITICAL", problem.getString("severity"));
        assertEquals(host, problem.getJsonObject("node").getString("name"));
        assertEquals(95.0, problem.getJsonNumber("value").doubleValue());
        MimeMessage problemMail = awaitMail("CRITICAL");
        assertTrue(problemMail.getSubject().contains(host), problemMail.getSubject());

        GraphiteLines.send(host, "cpu.busy", 40, start.plusSeconds(20));
        JsonObject resolved = webhook.awaitHook(about(monitor, "RESOLVED"), SOON);
        assertEquals("OK", resolved.getString("severity"));
        assertTrue(awaitMail("RESOLVED").getSubject().contains(host));

        // storage has its own subscription: wait until the recovery is queryable before replaying
        List<String> replayed = Waits.until(Duration.ofSeconds(15), () -> {
            VantageApi.Reply replay = api.post("/monitors/dry-run?from=" + start.minusSeconds(60) + "&to="
                    + Instant.now().plusSeconds(1), "{\"nodeQuery\":\"tag:run-" + run + "\",\"metric\":\"cpu.busy\","
                    + "\"rule\":{\"direction\":\"ABOVE\",\"critical\":90,\"criticalClear\":80}}");
            assertEquals(200, replay.status(), replay.toString());
            JsonObject node = replay.json().asJsonArray().getJsonObject(0);
            assertEquals(nodeId, node.getJsonNumber("nodeId").longValue());
            List<String> changes = node.getJsonArray("alerts").stream()
                    .map(a -> a.asJsonObject().getString("from") + ">" + a.asJsonObject().getString("to")).toList();
            return changes.size() >= 2 ? Optional.of(changes) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("the dry run never found the problem and its recovery"));
        assertEquals(List.of("OK>CRITICAL", "CRITICAL>OK"), replayed,
                "the dry run over the stored history finds the same problem and recovery");

        JsonArray alerts = api.get("/alerts?monitor=" + monitor).json().asJsonArray();
        assertEquals(1, alerts.size(), alerts.toString());
        long alertId = alerts.getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject detail = api.get("/alerts/" + alertId).json().asJsonObject();
        assertEquals("OK", detail.getJsonObject("alert").getString("severity"));
        assertEquals(2, detail.getJsonArray("history").size(), detail.toString());
        assertTrue(Waits.until(Duration.ofSeconds(10), () -> {
            JsonArray notices = api.get("/alerts/" + alertId).json().asJsonObject().getJsonArray("notifications");
            return notices.size() == 4 && notices.stream().allMatch(n -> "DELIVERED".equals(
                    n.asJsonObject().getString("status"))) ? Optional.of(true) : Optional.empty();
        }).isPresent(), "the problem and the resolution are recorded as delivered on both channels");
    }

    @Test
    void a_busy_webhook_receiver_is_retried_with_growing_delays_until_it_takes_the_notice_and_each_outcome_is_shown()
            throws Exception {
        try (WebhookReceiver busy = WebhookReceiver.busyFor(2, 503, "1")) {
            AlertingSupport.Scenario scenario = alerting.scenario("retried", null, busy);
            scenario.send(95, scenario.start().plusSeconds(10));
            long alertId = Waits.until(SOON, () -> api.get("/alerts?monitor=" + scenario.monitor()).json()
                            .asJsonArray().stream().findFirst()
                            .map(alert -> alert.asJsonObject().getJsonNumber("id").longValue()))
                    .orElseThrow(() -> new AssertionError("the problem was not recorded"));

            // the alert shows each notice's latest outcome: watching it change shows every attempt's
            List<String> outcomes = new ArrayList<>();
            Waits.until(Duration.ofSeconds(40), () -> {
                Optional<String> now = api.get("/alerts/" + alertId).json().asJsonObject().getJsonArray("notifications")
                        .stream().map(JsonObject.class::cast).filter(n -> "PROBLEM".equals(n.getString("kind")))
                        .filter(n -> n.getInt("attempts") > 0).findFirst().map(AlertNotificationIT::outcome);
                now.filter(o -> outcomes.isEmpty() || !o.equals(outcomes.get(outcomes.size() - 1)))
                        .ifPresent(outcomes::add);
                return now.filter(o -> o.contains("DELIVERED"));
            }).orElseThrow(() -> new AssertionError("the notice was never delivered; outcomes seen: " + outcomes));
            assertEquals(List.of("attempt 1: RETRYING after HTTP 503", "attempt 2: RETRYING after HTTP 503",
                    "attempt 3: DELIVERED after HTTP 200"), outcomes);

            JsonObject notice = busy.awaitHook(about(scenario.monitor(), "PROBLEM"), SOON);
            assertEquals("CRITICAL", notice.getString("severity"));
            List<WebhookReceiver.Attempt> attempts = busy.attempts();
            assertEquals(List.of(503, 503, 200), attempts.stream().map(WebhookReceiver.Attempt::answered).toList());
            assertEquals(1, attempts.stream().map(WebhookReceiver.Attempt::noticeId).distinct().count(),
                    "every attempt carries the same notice id, for the receiver to drop duplicates: " + attempts);
            // the backoff starts at 5 s and doubles, each delay drawn between half and all of it; the receiver's
            // Retry-After: 1 asks for less, so it does not hurry the retries
            Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
            Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
            System.out.println("VANTAGE-IT: webhook retried after " + first.toMillis() + " ms, then "
                    + second.toMillis() + " ms");
            assertTrue(first.toMillis() >= 2_400, "the first retry waits at least 2.5 s: " + first);
            assertTrue(second.toMillis() >= 4_900, "the second retry waits at least 5 s: " + second);
        }
    }

    @Test
    void a_monitor_with_a_bad_query_or_rule_is_refused_with_a_clear_message_and_not_created() {
        VantageApi.Reply badQuery = api.post("/monitors", "{\"name\":\"bad\",\"nodeQuery\":\"tag:web AND (os:linux\","
                + "\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90}}");
        assertEquals(400, badQuery.status(), badQuery.toString());
        assertTrue(badQuery.body().contains("column"), badQuery.body());

        VantageApi.Reply badRule = api.post("/monitors", "{\"name\":\"bad\",\"nodeQuery\":\"*\","
                + "\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90,\"criticalClear\":95}}");
        assertEquals(400, badRule.status(), badRule.toString());

        VantageApi.Reply badHook = api.post("/channels", "{\"name\":\"bad\",\"kind\":\"WEBHOOK\",\"target\":"
                + "\"ftp://example.org/x\"}");
        assertEquals(400, badHook.status(), badHook.toString());

        assertTrue(api.get("/monitors").json().asJsonArray().stream()
                .noneMatch(m -> "bad".equals(m.asJsonObject().getString("name"))));
        assertEquals(404, api.get("/monitors/987654321").status());
    }

    /** A notice's latest outcome as the alert shows it: its attempts, its status, and the receiver's HTTP status. */
    private static String outcome(JsonObject notification) {
        String detail = notification.getString("detail", "");
        String http = detail.matches("HTTP \\d{3}\\b.*") ? detail.substring(0, 8) : detail;
        return "attempt " + notification.getInt("attempts") + ": " + notification.getString("status") + " after "
                + http;
    }

    private static MimeMessage awaitMail(String subjectPart) {
        return Waits.until(SOON, () -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> {
                            try {
                                return m.getSubject().contains(subjectPart);
                            } catch (MessagingException e) {
                                return false;
                            }
                        })
                        .findFirst())
                .orElseThrow(() -> new AssertionError("no mail with '" + subjectPart + "' in its subject"));
    }
}
