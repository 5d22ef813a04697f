package io.vantage.bench;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Push-to-queryable latency: for each probe sample sent, polls the REST API every 20 ms until the sample is
 * visible and records the time from send to first sight. Two polling threads, whatever the number of probes.
 */
final class Prober implements AgentLoad.ProbeSink {

    private static final long POLL_MILLIS = 20;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final RestClient rest;
    private final String agentId;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "probe-poller");
        t.setDaemon(true);
        return t;
    });
    private final Latencies latencies = new Latencies();
    private volatile long nodeId = -1;
    private int sent;
    private int lost;

    Prober(RestClient rest, String agentId) {
        this.rest = rest;
        this.agentId = agentId;
    }

    @Override
    public synchronized void sent(String metric, long epochMillis, long sentNanos) {
        sent++;
        pollers.schedule(() -> poll(metric, epochMillis, sentNanos), POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll(String metric, long epochMillis, long sentNanos) {
        try {
            if (nodeId < 0) {
                nodeId = rest.nodeOf(agentId);
            }
            if (nodeId >= 0 && rest.sampleVisible(nodeId, metric, epochMillis)) {
                long seen = System.nanoTime();
                synchronized (this) {
                    latencies.record(seen - sentNanos);
                }
                return;
            }
        } catch (Exception e) {
            // retried below until the deadline
        }
        if (System.nanoTime() - sentNanos > GIVE_UP_NANOS) {
            synchronized (this) {
                lost++;
            }
            return;
        }
        pollers.schedule(() -> poll(metric, epochMillis, sentNanos), POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Waits until every probe is seen or given up, then stops polling. */
    Latencies finish() throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_NANOS + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (latencies.count() + lost >= sent) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        pollers.shutdownNow();
        synchronized (this) {
            return latencies;
        }
    }

    synchronized int lost() {
        return lost;
    }

    synchronized int sentCount() {
        return sent;
    }
}
