package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerting as an operator meets it: a node described by tags, a monitor that selects it by query, a value crossing
 * the critical threshold, the problem arriving by mail (a real SMTP server) and webhook, the value recovering, and the
 * resolution arriving on both. Samples come in as Graphite lines so each value is exactly the one the test needs.
 */
class AlertingIT {

    private static RunningVantage vantage;
    private static VantageApi api;
    private static GreenMail smtp;
    private static HttpServer webhook;
    private static final List<JsonObject> HOOKS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startVantageMailAndWebhookReceiver() throws IOException {
        smtp = new GreenMail(new ServerSetup(RunningVantage.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try (var reader = Json.createReader(new StringReader(body))) {
                HOOKS.add(reader.readObject());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        vantage = RunningVantage.get();
        VantageApi admin = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
        VantageApi.Reply issued = admin.post("/tokens", "{\"name\":\"alerting tests\"}");
        assertEquals(201, issued.status(), issued.toString());
        api = VantageApi.withToken(vantage.baseUrl(), issued.json().asJsonObject().getString("token"));
    }

    @AfterAll
    static void stopReceivers() {
        if (webhook != null) {
            webhook.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_critical_value_reaches_mail_and_webhook_and_its_recovery_resolves_both() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "alerting-" + run;
        Instant start = Instant.now().minusSeconds(30);
        send(host, "cpu.busy", 10, start);
        long nodeId = awaitNode(host);
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"web\",\"run-" + run + "\"],\"os\":\"Linux\"}")
                .status());

        long hook = created(api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\",\"target\":"
                + "\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\",\"secret\":\"s3cret\"}"));
        long mail = created(api.post("/channels", "{\"name\":\"mail-" + run + "\",\"kind\":\"EMAIL\",\"target\":"
                + "\"oncall-" + run + "@it.example\"}"));
        long plan = created(api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":[" + hook + ","
                + mail + "],\"WARNING\":[" + hook + "]}}"));
        long monitor = created(api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + " AND os:linux AND NOT tag:staging\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\","
                + "\"warning\":80,\"warningClear\":70,\"critical\":90,\"criticalClear\":80},\"planId\":" + plan + "}"));

        assertTrue(Waits.until(Duration.ofSeconds(30), () -> {
            JsonArray targets = api.get("/monitors/" + monitor + "/nodes").json().asJsonArray();
            return targets.stream().anyMatch(v -> Long.parseLong(v.toString()) == nodeId) ? Optional.of(true)
                    : Optional.empty();
        }).isPresent(), "the monitor applies to the node its query selects");

        send(host, "cpu.busy", 95, start.plusSeconds(10));
        JsonObject problem = awaitHook(monitor, "PROBLEM");
        assertEquals("CRITICAL", problem.getString("severity"));
        assertEquals(host, problem.getJsonObject("node").getString("name"));
        assertEquals(95.0, problem.getJsonNumber("value").doubleValue());
        MimeMessage problemMail = awaitMail("CRITICAL");
        assertTrue(problemMail.getSubject().contains(host), problemMail.getSubject());

        send(host, "cpu.busy", 40, start.plusSeconds(20));
        JsonObject resolved = awaitHook(monitor, "RESOLVED");
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
        JsonObject detail = api.get("/alerts/" + alerts.getJsonObject(0).getJsonNumber("id").longValue()).json()
                .asJsonObject();
        assertEquals("OK", detail.getJsonObject("alert").getString("severity"));
        assertEquals(2, detail.getJsonArray("history").size(), detail.toString());
        assertTrue(Waits.until(Duration.ofSeconds(10), () -> {
            JsonArray notices = api.get("/alerts/" + alerts.getJsonObject(0).getJsonNumber("id").longValue()).json()
                    .asJsonObject().getJsonArray("notifications");
            return notices.size() == 4 && notices.stream().allMatch(n -> "DELIVERED".equals(
                    n.asJsonObject().getString("status"))) ? Optional.of(true) : Optional.empty();
        }).isPresent(), "the problem and the resolution are recorded as delivered on both channels");
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

    @Test
    void a_flapping_value_is_notified_once_as_flapping_and_its_further_changes_stay_quiet() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "flapping-" + run;
        Instant start = Instant.now().minusSeconds(60);
        long nodeId = taggedNode(host, run, start);
        long monitor = monitorOn(run, hookPlan(run), "\"flapMaxChanges\":3,\"flapWindowSeconds\":600");
        awaitApplied(monitor, nodeId);

        StringBuilder flips = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            flips.append("collectd.").append(host).append(".cpu.busy ").append(i % 2 == 0 ? 95 : 10).append(' ')
                    .append(start.plusSeconds(10 + 2L * i).getEpochSecond()).append('\n');
        }
        sendLines(flips.toString());
        awaitHook(monitor, "FLAPPING");
        Waits.pause(Duration.ofSeconds(3));
        List<String> kinds = hookKinds(monitor);
        // notices are sent by parallel workers: compare what arrived, not in which order
        assertEquals(List.of("FLAPPING", "PROBLEM", "PROBLEM", "RESOLVED"), kinds,
                "three changes are notified, the fourth marks flapping once, the rest are quiet");
        JsonObject alert = api.get("/alerts?monitor=" + monitor).json().asJsonArray().getJsonObject(0);
        assertTrue(alert.getBoolean("flapping"), alert.toString());
        JsonArray history = api.get("/alerts/" + alert.getJsonNumber("id").longValue()).json().asJsonObject()
                .getJsonArray("history");
        assertTrue(history.stream().filter(h -> h.asJsonObject().getBoolean("quiet")).count() >= 5,
                "the quiet changes are kept in the history: " + history);
    }

    @Test
    void a_metric_that_goes_silent_raises_no_data_and_its_next_sample_resolves_it() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "silent-" + run;
        long nodeId = taggedNode(host, run, Instant.now().minusSeconds(60));
        long monitor = monitorOn(run, hookPlan(run), "\"noDataSeconds\":3");
        awaitApplied(monitor, nodeId);

        send(host, "cpu.busy", 10, Instant.now());
        JsonObject noData = awaitHook(monitor, "NO_DATA");
        assertEquals("CRITICAL", noData.getString("severity"));

        send(host, "cpu.busy", 12, Instant.now().plusSeconds(1));
        assertEquals("OK", awaitHook(monitor, "RESOLVED").getString("severity"));
    }

    @Test
    void inside_a_maintenance_window_problems_are_recorded_but_not_sent_while_resolutions_still_are()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "maintained-" + run;
        Instant start = Instant.now().minusSeconds(60);
        long nodeId = taggedNode(host, run, start);
        long monitor = monitorOn(run, hookPlan(run), null);
        awaitApplied(monitor, nodeId);

        send(host, "cpu.busy", 95, start.plusSeconds(10));
        awaitHook(monitor, "PROBLEM");
        created(api.post("/maintenance-windows", "{\"name\":\"upgrade-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"startsAt\":\"" + Instant.now().minusSeconds(120) + "\",\"endsAt\":\""
                + Instant.now().plusSeconds(3600) + "\"}"));

        send(host, "cpu.busy", 10, start.plusSeconds(20));
        awaitHook(monitor, "RESOLVED");
        send(host, "cpu.busy", 97, start.plusSeconds(30));
        long alertId = Waits.until(Duration.ofSeconds(30), () -> {
            JsonObject alert = api.get("/alerts?monitor=" + monitor).json().asJsonArray().getJsonObject(0);
            return "CRITICAL".equals(alert.getString("severity"))
                    ? Optional.of(alert.getJsonNumber("id").longValue()) : Optional.empty();
        }).orElseThrow(() -> new AssertionError("the second problem was not recorded"));
        Waits.pause(Duration.ofSeconds(3));
        assertEquals(List.of("PROBLEM", "RESOLVED"), hookKinds(monitor), "the problem inside the window is not sent");
        JsonObject detail = api.get("/alerts/" + alertId).json().asJsonObject();
        JsonArray history = detail.getJsonArray("history");
        assertTrue(history.getJsonObject(history.size() - 1).getBoolean("inMaintenance"), history.toString());
        assertTrue(detail.getJsonArray("notifications").stream()
                .anyMatch(n -> "SUPPRESSED".equals(n.asJsonObject().getString("status"))), detail.toString());
    }

    @Test
    void a_problem_kept_quiet_by_a_maintenance_window_is_notified_when_the_window_closes_with_it_still_open()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "overrun-" + run;
        Instant start = Instant.now().minusSeconds(60);
        long nodeId = taggedNode(host, run, start);
        long monitor = monitorOn(run, hookPlan(run), null);
        awaitApplied(monitor, nodeId);
        Instant windowEnds = Instant.now().plusSeconds(8);
        created(api.post("/maintenance-windows", "{\"name\":\"reboot-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"startsAt\":\"" + Instant.now().minusSeconds(120) + "\",\"endsAt\":\"" + windowEnds + "\"}"));

        send(host, "cpu.busy", 96, start.plusSeconds(10));
        Waits.pause(Duration.ofSeconds(3));
        assertEquals(List.of(), hookKinds(monitor), "nothing is sent inside the window");
        // the watch looks every 30 s: the notice comes at most that long after the window closes
        JsonObject problem = Waits.until(Duration.ofSeconds(60), () -> HOOKS.stream()
                        .filter(h -> h.getJsonObject("monitor").getJsonNumber("id").longValue() == monitor)
                        .filter(h -> "PROBLEM".equals(h.getString("kind")))
                        .findFirst())
                .orElseThrow(() -> new AssertionError("the open problem was never notified after the window"));
        assertEquals("CRITICAL", problem.getString("severity"));
        assertTrue(Instant.now().isAfter(windowEnds), "not before the window closed");
    }

    @Test
    void a_remote_tcp_check_run_by_the_server_stores_its_results_and_alerts_when_the_port_closes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "checked-" + run;
        long nodeId = taggedNode(host, run, Instant.now().minusSeconds(60));
        java.net.ServerSocket service = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        try {
            long monitor = created(api.post("/monitors", "{\"name\":\"port-" + run + "\",\"nodeQuery\":\"tag:run-"
                    + run + "\",\"metric\":\"tcp.up\",\"rule\":{\"direction\":\"BELOW\",\"critical\":0.5},"
                    + "\"check\":{\"kind\":\"tcp\",\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + service.getLocalPort() + "\",\"timeout_ms\":\"1000\"},\"intervalSeconds\":5},"
                    + "\"planId\":" + hookPlan(run) + "}"));
            awaitApplied(monitor, nodeId);
            assertTrue(Waits.until(Duration.ofSeconds(30), () -> {
                JsonArray points = api.get("/nodes/" + nodeId + "/metrics/tcp.connect_ms/samples").json()
                        .asJsonObject().getJsonArray("samples");
                return points.isEmpty() ? Optional.empty() : Optional.of(true);
            }).isPresent(), "the server's check results are stored as the node's metrics");
        } finally {
            service.close();
        }
        JsonObject problem = Waits.until(Duration.ofSeconds(30), () -> HOOKS.stream()
                        .filter(h -> h.getJsonObject("node").getJsonNumber("id").longValue() == nodeId)
                        .filter(h -> "PROBLEM".equals(h.getString("kind")))
                        .findFirst())
                .orElseThrow(() -> new AssertionError("the closed port never raised a problem; got " + HOOKS));
        assertEquals("tcp.up", problem.getString("metric"));
        assertEquals(0.0, problem.getJsonNumber("value").doubleValue());
    }

    @Test
    void a_recovery_after_the_server_was_killed_and_restarted_still_resolves_on_the_channel_told_of_the_problem()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String host = "restarted-" + run;
        Instant start = Instant.now().minusSeconds(60);
        long nodeId = taggedNode(host, run, start);
        long monitor = monitorOn(run, hookPlan(run), null);
        awaitApplied(monitor, nodeId);
        send(host, "cpu.busy", 95, start.plusSeconds(10));
        awaitHook(monitor, "PROBLEM");

        vantage.killAndRestartServer(Duration.ofSeconds(1));
        awaitSending(() -> send(host, "cpu.busy", 10, start.plusSeconds(20)));
        try {
            assertEquals("OK", awaitHook(monitor, "RESOLVED").getString("severity"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nthe alert: " + api.get("/alerts?monitor=" + monitor).body()
                    + "\nthe node's samples: " + api.get("/nodes/" + nodeId + "/metrics/cpu.busy/samples?from="
                    + start.minusSeconds(60)).body(), e);
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

    private static long taggedNode(String host, String run, Instant firstSample) throws IOException {
        send(host, "cpu.busy", 10, firstSample);
        long nodeId = awaitNode(host);
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"run-" + run + "\"],\"os\":\"linux\"}")
                .status());
        return nodeId;
    }

    private static long hookPlan(String run) {
        long hook = created(api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\",\"target\":"
                + "\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook\"}"));
        return created(api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":[" + hook
                + "],\"WARNING\":[" + hook + "]}}"));
    }

    /** A monitor on cpu.busy, critical above 90 (clear at 80), for the run's tag; {@code extraRule} joins the rule. */
    private static long monitorOn(String run, long plan, String extraRule) {
        return created(api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90,"
                + "\"criticalClear\":80" + (extraRule == null ? "" : "," + extraRule) + "},\"planId\":" + plan + "}"));
    }

    private static void awaitApplied(long monitor, long nodeId) {
        assertTrue(Waits.until(Duration.ofSeconds(30), () -> {
            JsonArray targets = api.get("/monitors/" + monitor + "/nodes").json().asJsonArray();
            return targets.stream().anyMatch(v -> Long.parseLong(v.toString()) == nodeId) ? Optional.of(true)
                    : Optional.empty();
        }).isPresent(), "the monitor applies to the node its query selects");
    }

    private static List<String> hookKinds(long monitorId) {
        return HOOKS.stream()
                .filter(h -> h.getJsonObject("monitor").getJsonNumber("id").longValue() == monitorId)
                .map(h -> h.getString("kind"))
                .sorted()
                .toList();
    }

    private static void send(String host, String metric, double value, Instant at) throws IOException {
        sendLines("collectd." + host + "." + metric + " " + value + " " + at.getEpochSecond() + "\n");
    }

    private static void sendLines(String lines) throws IOException {
        try (Socket sender = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT)) {
            OutputStream out = sender.getOutputStream();
            out.write(lines.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static long awaitNode(String host) {
        return Waits.until(Duration.ofSeconds(30), () -> api.get("/nodes?q=name:" + host).json().asJsonArray()
                        .stream().findFirst().map(n -> n.asJsonObject().getJsonNumber("id").longValue()))
                .orElseThrow(() -> new AssertionError("node " + host + " never appeared"));
    }

    private static long created(VantageApi.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }

    private static JsonObject awaitHook(long monitorId, String kind) {
        return Waits.until(Duration.ofSeconds(30), () -> HOOKS.stream()
                        .filter(h -> h.getJsonObject("monitor").getJsonNumber("id").longValue() == monitorId)
                        .filter(h -> kind.equals(h.getString("kind")))
                        .findFirst())
                .orElseThrow(() -> new AssertionError("no " + kind + " webhook for monitor " + monitorId + "; got "
                        + HOOKS));
    }

    private static MimeMessage awaitMail(String subjectPart) {
        return Waits.until(Duration.ofSeconds(30), () -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> {
                            try {
                                return m.getSubject().contains(subjectPart);
                            } catch (jakarta.mail.MessagingException e) {
                                return false;
                            }
                        })
                        .findFirst())
                .orElseThrow(() -> new AssertionError("no mail with '" + subjectPart + "' in its subject"));
    }
}
