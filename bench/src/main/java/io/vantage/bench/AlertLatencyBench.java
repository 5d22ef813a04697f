package io.vantage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Alert latency: the time from an agent pushing a breaching sample to the webhook receiving the PROBLEM notice, while
 * the other agents keep a steady background load ({@link AgentLoad}, 10,000 samples/s by default). Sets up a
 * {@link WebhookReceiver}, connects the probe agent ({@link ProbeAgent}) so its node exists, finds the node by name,
 * creates the channel, plan and monitor ({@link AlertFixture}), starts the background load, and once its warm-up is
 * over runs the {@link BreachLoop}. Prints one line per breach and a final {@code RESULT key=value ...} line that
 * bench/run reads; percentiles are over the notices that arrived, and the lost ones are counted beside them.
 */
final class AlertLatencyBench {

    private final Options options;

    AlertLatencyBench(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(options.required("agents-file")));
        int agents = Math.min(options.integer("agents", lines.size() - 1), lines.size() - 1);
        String probeCredentials = lines.get(lines.size() - 1);
        String host = options.string("host", "127.0.0.1");
        int port = options.integer("port", 17270);
        String metric = options.string("metric", "bench.alert");
        String runTag = options.string("run-tag", "r" + System.currentTimeMillis() % 100000);
        double rate = options.decimal("rate", 10000);
        int breaches = options.integer("breaches", 40);
        int timeoutSeconds = options.integer("timeout-s", 10);
        RestClient rest = new RestClient(options.required("url"), "admin", options.required("password"));

        try (WebhookReceiver receiver = WebhookReceiver.start();
             ProbeAgent probe = ProbeAgent.connect(host, port, probeCredentials)) {
            long nodeId = awaitNode(rest, AgentConnection.hostname(-1));
            try (AlertFixture fixture = AlertFixture.create(rest, nodeId, runTag, metric, receiver.url(), 60)) {
                System.out.printf("monitor %d applies to node %d after %s ms; webhook at %s%n", fixture.monitorId(),
                        nodeId, Latencies.millis(fixture.appliedAfterNanos()), receiver.url());
                NoticeMatcher matcher = new NoticeMatcher(receiver.notices(), fixture.monitorId());
                probe.push(metric, 0); // the alert starts OK: the first breach is a change like every other

                AgentLoad load = new AgentLoad(new AgentLoad.Config(host, port, lines.subList(0, agents), null, rate,
                        options.integer("batch", 500), options.integer("max-unacked", 2),
                        options.integer("metrics", 20), "al" + runTag, options.integer("warmup", 5),
                        24 * 3600, 30, 1000), null);
                CompletableFuture<AgentLoad.Result> background = runInBackground(load);
                awaitMeasuring(load, background);
                System.out.printf("background load of %.0f samples/s from %d agents running; %d breaches follow%n",
                        rate, agents, breaches);
                BreachLoop.Outcome outcome;
                try {
                    outcome = new BreachLoop(probe, matcher, metric, options.integer("interval-ms", 1000),
                            options.integer("jitter-ms", 1000), timeoutSeconds).run(breaches);
                } finally {
                    load.stop();
                }
                AgentLoad.Result result = background.get(2, TimeUnit.MINUTES);
                report(outcome, result, rate, breaches, probe, matcher, receiver, fixture);
            }
        }
    }

    /** The probe's node id; the node exists once the probe was welcomed, but the search index may lag a moment. */
    private static long awaitNode(RestClient rest, String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long id = rest.nodeNamed(name);
            if (id >= 0) {
                return id;
            }
            Thread.sleep(200);
        }
        throw new IOException("no node named " + name + " within 60 s of the probe's hello");
    }

    private static CompletableFuture<AgentLoad.Result> runInBackground(AgentLoad load) {
        CompletableFuture<AgentLoad.Result> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(load.run());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "background-load");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static void awaitMeasuring(AgentLoad load, CompletableFuture<AgentLoad.Result> background)
            throws InterruptedException, ExecutionException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!load.awaitMeasuring(200, TimeUnit.MILLISECONDS)) {
            if (background.isDone()) {
                background.get(); // throws what stopped it
                throw new IOException("the background load ended before its warm-up did");
            }
            if (System.nanoTime() > deadline) {
                load.stop();
                throw new IOException("the background load did not get past its warm-up within 120 s");
            }
        }
    }

    private static void report(BreachLoop.Outcome outcome, AgentLoad.Result load, double rate, int breaches,
                               ProbeAgent probe, NoticeMatcher matcher, WebhookReceiver receiver,
                               AlertFixture fixture) {
        Latencies probeAcks = probe.acks();
        long unacknowledged = load.sentSamples() - load.ackedSamples();
        if (unacknowledged > 0 || probe.unacknowledged() > 0) {
            System.out.printf("WARNING: %d background samples and %d probe pushes were never acknowledged (the "
                    + "background load waited 30 s for them)%n", unacknowledged, probe.unacknowledged());
        }
        for (WebhookNotice notice : matcher.unmatched()) {
            System.out.printf("unmatched notice: %s %s value=%s occurredAt=%s%n", notice.kind(), notice.severity(),
                    notice.value(), notice.occurredAt());
        }
        if (!outcome.lostBreaches().isEmpty()) {
            System.out.println("breaches without a PROBLEM within the timeout: " + outcome.lostBreaches());
        }
        if (!outcome.lostRecoveries().isEmpty()) {
            System.out.println("recoveries without a RESOLVED within the timeout: " + outcome.lostRecoveries());
        }
        if (load.achievedRate() < 0.95 * rate || load.errors() > 0 || load.failedConnections() > 0) {
            System.out.printf("WARNING: the background load fell short: %.0f of %.0f samples/s, %d errors, "
                    + "%d failed connections%n", load.achievedRate(), rate, load.errors(), load.failedConnections());
        }
        Latencies problems = outcome.problems();
        System.out.printf("RESULT alert_p50_ms=%s alert_p99_ms=%s alert_max_ms=%s alert_first_ms=%s breaches=%d "
                        + "lost=%d resolve_p50_ms=%s resolve_p99_ms=%s resolve_lost=%d unmatched=%d duplicates=%d "
                        + "webhooks=%d background_rate=%.0f background_target=%.0f background_errors=%d "
                        + "background_ack_p99_ms=%s background_unacked_samples=%d probe_ack_p50_ms=%s probe_ack_p99_ms=%s "
                        + "probe_unacked=%d probe_reconnects=%d monitor_applied_ms=%s %s%n",
                Latencies.millis(problems.percentile(50)), Latencies.millis(problems.percentile(99)),
                Latencies.millis(problems.max()),
                outcome.firstProblemNanos() < 0 ? "lost" : Latencies.millis(outcome.firstProblemNanos()), breaches,
                outcome.lostBreaches().size(), Latencies.millis(outcome.resolutions().percentile(50)),
                Latencies.millis(outcome.resolutions().percentile(99)), outcome.lostRecoveries().size(),
                matcher.unmatched().size(), matcher.duplicates(), receiver.received(), load.achievedRate(), rate,
                load.errors() + load.failedConnections(), Latencies.millis(load.ackLatencies().percentile(99)),
                unacknowledged, Latencies.millis(probeAcks.percentile(50)), Latencies.millis(probeAcks.percentile(99)),
                probe.unacknowledged(), outcome.reconnects(),
                Latencies.millis(fixture.appliedAfterNanos()), BenchMain.selfStats());
    }
}
