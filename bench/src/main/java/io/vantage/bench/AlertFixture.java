package io.vantage.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * What one alert-latency run sets up through the REST API and takes down again: a webhook channel to the receiver, a
 * plan routing CRITICAL to it, the probe's node tagged for this run only, and a monitor selecting that tag on the
 * probe's metric: critical above 90, clear at or below 80, no confirmation and no flapping policy, so every crossing
 * is a change that is notified. Creating it waits until the monitor applies to the node. Closing turns the channel
 * off first, so that nothing is sent (and retried for an hour) to a receiver about to stop, then deletes the monitor.
 */
final class AlertFixture implements AutoCloseable {

    /** The rule: CRITICAL above 90, cleared at or below 80. */
    static final String RULE = "{\"direction\":\"ABOVE\",\"critical\":90,\"criticalClear\":80}";

    private final RestClient rest;
    private final String name;
    private final String hookUrl;
    private final long channelId;
    private long monitorId = -1;
    private long appliedAfterNanos = -1;

    private AlertFixture(RestClient rest, String name, String hookUrl, long channelId) {
        this.rest = rest;
        this.name = name;
        this.hookUrl = hookUrl;
        this.channelId = channelId;
    }

    /**
     * @param runTag distinguishes this run's tag and names from earlier runs' on the same server
     * @throws IOException if a call fails or the monitor does not apply within {@code applySeconds}
     */
    static AlertFixture create(RestClient rest, long nodeId, String runTag, String metric, String hookUrl,
                               int applySeconds) throws IOException, InterruptedException {
        String name = "alert-bench-" + runTag;
        rest.tagNode(nodeId, name);
        AlertFixture fixture = new AlertFixture(rest, name, hookUrl, rest.createWebhookChannel(name, hookUrl));
        try {
            long plan = rest.createPlan(name, "CRITICAL", fixture.channelId);
            long created = System.nanoTime();
            fixture.monitorId = rest.createMonitor(name, "tag:" + name, metric, RULE, plan);
            long deadline = created + TimeUnit.SECONDS.toNanos(applySeconds);
            while (System.nanoTime() < deadline) {
                if (rest.monitorNodes(fixture.monitorId).contains(nodeId)) {
                    fixture.appliedAfterNanos = System.nanoTime() - created;
                    return fixture;
                }
                Thread.sleep(50);
            }
            throw new IOException("monitor " + fixture.monitorId + " did not apply to node " + nodeId + " within "
                    + applySeconds + " s");
        } catch (IOException | InterruptedException | RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    long monitorId() {
        return monitorId;
    }

    /** How long the monitor took to apply to the node after it was created (polled every 50 ms). */
    long appliedAfterNanos() {
        return appliedAfterNanos;
    }

    @Override
    public void close() {
        try {
            rest.disableWebhookChannel(channelId, name, hookUrl);
            if (monitorId >= 0) {
                rest.deleteMonitor(monitorId);
            }
        } catch (IOException e) {
            System.out.println("alert fixture: clean-up failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
