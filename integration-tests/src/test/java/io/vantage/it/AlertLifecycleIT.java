package io.vantage.it;

import static io.vantage.it.WebhookReceiver.SOON;
import static io.vantage.it.WebhookReceiver.about;
import static io.vantage.it.WebhookReceiver.aboutNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An alert's life past the plain problem and recovery, as its webhook notices tell it: a flapping value, a metric
 * gone silent, maintenance windows that keep problems quiet and let them through once they close, a check the
 * server runs itself, and a recovery after the server was killed and restarted.
 */
class AlertLifecycleIT {

    private static AlertingSupport alerting;
    private static VantageApi api;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void startVantageAndWebhookReceiver() {
        alerting = AlertingSupport.connect("alert lifecycle tests");
        api = alerting.api;
        webhook = alerting.webhook;
    }

    @AfterAll
    static void stopReceiver() {
        if (alerting != null) {
            alerting.close();
        }
    }

    @Test
    void a_flapping_value_is_notified_once_as_flapping_and_its_further_changes_stay_quiet() throws Exception {
        AlertingSupport.Scenario flapping = alerting.scenario("flapping",
                "\"flapMaxChanges\":3,\"flapWindowSeconds\":600");

        StringBuilder flips = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            flips.append("collectd.").append(flapping.host()).append(".cpu.busy ").append(i % 2 == 0 ? 95 : 10)
                    .append(' ').append(flapping.start().plusSeconds(10 + 2L * i).getEpochSecond()).append('\n');
        }
        GraphiteLines.send(flips.toString());
        webhook.awaitHook(about(flapping.monitor(), "FLAPPING"), SOON);
        Waits.pause(Duration.ofSeconds(3));
        // notices are sent by parallel workers: compare what arrived, not in which order
        assertEquals(List.of("FLAPPING", "PROBLEM", "PROBLEM", "RESOLVED"), webhook.kinds(flapping.monitor()),
                "three changes are notified, the fourth marks flapping once, the rest are quiet");
        JsonObject alert = api.get("/alerts?monitor=" + flapping.monitor()).json().asJsonArray().getJsonObject(0);
        assertTrue(alert.getBoolean("flapping"), alert.toString());
        JsonArray history = api.get("/alerts/" + alert.getJsonNumber("id").longValue()).json().asJsonObject()
                .getJsonArray("history");
        assertTrue(history.stream().filter(h -> h.asJsonObject().getBoolean("quiet")).count() >= 5,
                "the quiet changes are kept in the history: " + history);
    }

    @Test
    void a_metric_that_goes_silent_raises_no_data_and_its_next_sample_resolves_it() throws Exception {
        AlertingSupport.Scenario silent = alerting.scenario("silent", "\"noDataSeconds\":3");

        silent.send(10, Instant.now());
        JsonObject noData = webhook.awaitHook(about(silent.monitor(), "NO_DATA"), SOON);
        assertEquals("CRITICAL", noData.getString("severity"));

        silent.send(12, Instant.now().plusSeconds(1));
        assertEquals("OK", webhook.awaitHook(about(silent.monitor(), "RESOLVED"), SOON).getString("severity"));
    }

    @Test
    void inside_a_maintenance_window_problems_are_recorded_but_not_sent_while_resolutions_still_are()
            throws Exception {
        AlertingSupport.Scenario maintained = alerting.scenario("maintained", null);
        long monitor = maintained.monitor();

        maintained.send(95, maintained.start().plusSeconds(10));
        webhook.awaitHook(about(monitor, "PROBLEM"), SOON);
        api.post("/maintenance-windows", "{\"name\":\"upgrade-" + maintained.run() + "\",\"nodeQuery\":\"tag:run-"
                + maintained.run() + "\",\"startsAt\":\"" + Instant.now().minusSeconds(120) + "\",\"endsAt\":\""
                + Instant.now().plusSeconds(3600) + "\"}").createdId();

        maintained.send(10, maintained.start().plusSeconds(20));
        webhook.awaitHook(about(monitor, "RESOLVED"), SOON);
        maintained.send(97, maintained.start().plusSeconds(30));
        long alertId = Waits.until(Duration.ofSeconds(30), () -> {
            JsonObject alert = api.get("/alerts?monitor=" + monitor).json().asJsonArray().getJsonObject(0);
            return "CRITICAL".equals(alert.getString("severity"))
                    ? Optional.of(alert.getJsonNumber("id").longValue()) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("the second problem was not recorded"));
        Waits.pause(Duration.ofSeconds(3));
        assertEquals(List.of("PROBLEM", "RESOLVED"), webhook.kinds(monitor),
                "the problem inside the window is not sent");
        JsonObject detail = api.get("/alerts/" + alertId).json().asJsonObject();
        JsonArray history = detail.getJsonArray("history");
        assertTrue(history.getJsonObject(history.size() - 1).getBoolean("inMaintenance"), history.toString());
        assertTrue(detail.getJsonArray("notifications").stream()
                .anyMatch(n -> "SUPPRESSED".equals(n.asJsonObject().getString("status"))), detail.toString());
    }

    @Test
    void a_problem_kept_quiet_by_a_maintenance_window_is_notified_when_the_window_closes_with_it_still_open()
            throws Exception {
        AlertingSupport.Scenario overrun = alerting.scenario("overrun", null);
        Instant windowEnds = Instant.now().plusSeconds(8);
        api.post("/maintenance-windows", "{\"name\":\"reboot-" + overrun.run() + "\",\"nodeQuery\":\"tag:run-"
                + overrun.run() + "\",\"startsAt\":\"" + Instant.now().minusSeconds(120) + "\",\"endsAt\":\""
                + windowEnds + "\"}").createdId();

        overrun.send(96, overrun.start().plusSeconds(10));
        Waits.pause(Duration.ofSeconds(3));
        assertEquals(List.of(), webhook.kinds(overrun.monitor()), "nothing is sent inside the window");
        // the watch looks every 30 s: the notice comes at most that long after the window closes
        JsonObject problem = webhook.awaitHook(about(overrun.monitor(), "PROBLEM"), Duration.ofSeconds(60));
        assertEquals("CRITICAL", problem.getString("severity"));
        assertTrue(Instant.now().isAfter(windowEnds), "not before the window closed");
    }

    @Test
    void a_remote_tcp_check_run_by_the_server_stores_its_results_and_alerts_when_the_port_closes() throws Exception {
        String run = AlertingSupport.newRun();
        long nodeId = alerting.taggedNode("checked-" + run, run, Instant.now().minusSeconds(60));
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long monitor = api.post("/monitors", "{\"name\":\"port-" + run + "\",\"nodeQuery\":\"tag:run-"
                    + run + "\",\"metric\":\"tcp.up\",\"rule\":{\"direction\":\"BELOW\",\"critical\":0.5},"
                    + "\"check\":{\"kind\":\"tcp\",\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + service.getLocalPort() + "\",\"timeout_ms\":\"1000\"},\"intervalSeconds\":5},"
                    + "\"planId\":" + alerting.hookPlan(run, webhook) + "}").createdId();
            alerting.awaitApplied(monitor, nodeId);
            assertTrue(Waits.until(Duration.ofSeconds(30), () -> {
                JsonArray points = api.get("/nodes/" + nodeId + "/metrics/tcp.connect_ms/samples").json()
                        .asJsonObject().getJsonArray("samples");
                return points.isEmpty() ? Optional.empty() : Optional.of(true);
            }).isPresent(), "the server's check results are stored as the node's metrics");
        }
        JsonObject problem = webhook.awaitHook(aboutNode(nodeId, "PROBLEM"), SOON);
        assertEquals("tcp.up", problem.getString("metric"));
        assertEquals(0.0, problem.getJsonNumber("value").doubleValue());
    }

    @Test
    void a_recovery_after_the_server_was_killed_and_restarted_still_resolves_on_the_channel_told_of_the_problem()
            throws Exception {
        AlertingSupport.Scenario restarted = alerting.scenario("restarted", null);
        restarted.send(95, restarted.start().plusSeconds(10));
        webhook.awaitHook(about(restarted.monitor(), "PROBLEM"), SOON);

        alerting.vantage.killAndRestartServer(Duration.ofSeconds(1));
        awaitSending(() -> restarted.send(10, restarted.start().plusSeconds(20)));
        try {
            assertEquals("OK", webhook.awaitHook(about(restarted.monitor(), "RESOLVED"), SOON).getString("severity"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nthe alert: "
                    + api.get("/alerts?monitor=" + restarted.monitor()).body() + "\nthe node's samples: "
                    + api.get("/nodes/" + restarted.nodeId() + "/metrics/cpu.busy/samples?from="
                    + restarted.start().minusSeconds(60)).body(), e);
        }
    }

    /** Sends once the restarted server takes Graphite lines again. */
    private static void awaitSending(IoAction action) {
        Waits.until(Duration.ofSeconds(60), () -> {
            try {
                action.run();
                return Optional.of(true);
            } catch (IOException e) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new AssertionError("the Graphite port never came back"));
    }

    /** Something that talks to the server and may find it away. */
    private interface IoAction {
        void run() throws IOException;
    }
}
