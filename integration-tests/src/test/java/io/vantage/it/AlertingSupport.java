package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the alerting tests share: the running server reached with an API token of their own, a webhook receiver, and
 * the setup most of them start from ({@link #scenario}). Each run tags its node with a tag of its own, so tests never
 * see each other's nodes, monitors or notices.
 */
final class AlertingSupport implements AutoCloseable {

    /**
     * A node made by its first Graphite sample at {@code start} and tagged for the run (os linux), a plan routing
     * WARNING and CRITICAL to a webhook, and a monitor on the run's tag watching cpu.busy (critical above 90, clear at
     * 80), already applied to the node.
     */
    record Scenario(String run, String host, Instant start, long nodeId, long monitor) {

        /** A cpu.busy sample of the node. */
        void send(double value, Instant at) throws IOException {
            GraphiteLines.send(host, "cpu.busy", value, at);
        }
    }

    final RunningVantage vantage;
    final VantageApi api;
    final WebhookReceiver webhook;

    private AlertingSupport(RunningVantage vantage, VantageApi api, WebhookReceiver webhook) {
        this.vantage = vantage;
        this.api = api;
        this.webhook = webhook;
    }

    /** Starts the stack if it is not running yet, issues a token named {@code tokenName} and opens a receiver. */
    static AlertingSupport connect(String tokenName) {
        RunningVantage vantage = RunningVantage.get();
        VantageApi api = VantageApi.withNewToken(vantage, tokenName);
        return new AlertingSupport(vantage, api, WebhookReceiver.start());
    }

    /** A short name for one test's run, used in its host, tag, channels and monitor. */
    static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The common setup, notices going to {@link #webhook}; {@code extraRule} (or null) joins the monitor's rule. */
    Scenario scenario(String hostPrefix, String extraRule) throws IOException {
        return scenario(hostPrefix, extraRule, webhook);
    }

    /** The common setup with notices going to {@code receiver}. */
    Scenario scenario(String hostPrefix, String extraRule, WebhookReceiver receiver) throws IOException {
        String run = newRun();
        String host = hostPrefix + "-" + run;
        Instant start = Instant.now().minusSeconds(60);
        long nodeId = taggedNode(host, run, start);
        long monitor = monitorOn(run, hookPlan(run, receiver), extraRule);
        awaitApplied(monitor, nodeId);
        return new Scenario(run, host, start, nodeId, monitor);
    }

    /** A node made by a first cpu.busy sample, tagged {@code run-<run>} with os linux. */
    long taggedNode(String host, String run, Instant firstSample) throws IOException {
        GraphiteLines.send(host, "cpu.busy", 10, firstSample);
        long nodeId = api.awaitNode(host, Duration.ofSeconds(30));
        assertEquals(200, api.put("/nodes/" + nodeId, "{\"tags\":[\"run-" + run + "\"],\"os\":\"linux\"}")
                .status());
        return nodeId;
    }

    /** A plan that routes WARNING and CRITICAL to a webhook channel posting to {@code receiver}. */
    long hookPlan(String run, WebhookReceiver receiver) {
        long hook = api.post("/channels", "{\"name\":\"hook-" + run + "\",\"kind\":\"WEBHOOK\",\"target\":\""
                + receiver.url() + "\"}").createdId();
        return api.post("/plans", "{\"name\":\"plan-" + run + "\",\"routes\":{\"CRITICAL\":[" + hook
                + "],\"WARNING\":[" + hook + "]}}").createdId();
    }

    /** A monitor on cpu.busy, critical above 90 (clear at 80), for the run's tag; {@code extraRule} joins the rule. */
    long monitorOn(String run, long plan, String extraRule) {
        return api.post("/monitors", "{\"name\":\"busy-" + run + "\",\"nodeQuery\":\"tag:run-" + run
                + "\",\"metric\":\"cpu.busy\",\"rule\":{\"direction\":\"ABOVE\",\"critical\":90,"
                + "\"criticalClear\":80" + (extraRule == null ? "" : "," + extraRule) + "},\"planId\":" + plan + "}")
                .createdId();
    }

    /** Waits until the monitor applier has applied the monitor to the node its query selects. */
    void awaitApplied(long monitor, long nodeId) {
        assertTrue(Waits.until(Duration.ofSeconds(30), () -> {
            JsonArray targets = api.get("/monitors/" + monitor + "/nodes").json().asJsonArray();
            return targets.stream().anyMatch(v -> Long.parseLong(v.toString()) == nodeId) ? Optional.of(true)
                    : Optional.empty();
        }).isPresent(), "the monitor applies to the node its query selects");
    }

    @Override
    public void close() {
        webhook.close();
    }
}
