package io.vantage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent-protocol step search: at each rate, runs {@link AgentLoad} with probes, waits for Cassandra to hold
 * every sent sample, and passes the step when every sample was acknowledged and stored, the achieved rate was
 * within 5 % of the target, the ACK p99 stayed under a bound and the store caught up within a few seconds of the
 * last ACK (no backlog).
 */
final class AgentBench {

    private final Options options;
    private Latencies bestProbes = new Latencies();
    private Latencies bestAcks = new Latencies();
    private int stepNumber;
    /** Samples read back from Cassandra over every step: what the CPU of the run was spent on. */
    private long storedTotal;

    AgentBench(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(options.required("agents-file")));
        int agents = Math.min(options.integer("agents", lines.size() - 1), lines.size() - 1);
        List<String> credentials = lines.subList(0, agents);
        String probe = lines.get(lines.size() - 1);
        RestClient rest = new RestClient(options.required("url"), "admin", options.required("password"));
        String runTag = options.string("run-tag", "r" + System.currentTimeMillis() % 100000);
        double maxAckP99Millis = options.decimal("max-ack-p99-ms", 2000);
        int maxDrainSeconds = options.integer("max-drain-s", 5);
        // a cold server admits the first connections slowly: connect every agent once before measuring
        try {
            new AgentLoad(new AgentLoad.Config(options.string("host", "127.0.0.1"), options.integer("port", 17270),
                    credentials, probe, 1000, 10, 2, 1, "warm" + runTag, 0, 2, 10, 1000), null).run();
        } catch (java.io.IOException e) {
            System.out.println("warm-up connect: " + e);
        }
        try (SampleCounter counter = new SampleCounter(options.required("cql"), options.string("keyspace", "vantage"))) {
            double best = StepSearch.run(options.decimal("start-rate", 10000), options.integer("max-steps", 6),
                    options.integer("refine", 1), rate -> {
                        try {
                            return step(rate, credentials, probe, rest, counter, runTag, maxAckP99Millis,
                                    maxDrainSeconds);
                        } catch (Exception e) {
                            System.out.println("step at " + rate + " failed: " + e);
                            return false;
                        }
                    });
            System.out.printf("RESULT best_rate=%.0f ack_p50_ms=%s ack_p99_ms=%s probe_p50_ms=%s probe_p99_ms=%s "
                            + "probes=%d agents=%d batch=%d stored_total=%d %s%n", best,
                    Latencies.millis(bestAcks.percentile(50)), Latencies.millis(bestAcks.percentile(99)),
                    Latencies.millis(bestProbes.percentile(50)), Latencies.millis(bestProbes.percentile(99)),
                    bestProbes.count(), agents, options.integer("batch", 500), storedTotal, BenchMain.selfStats());
        }
    }

    private boolean step(double rate, List<String> credentials, String probe, RestClient rest, SampleCounter counter,
                         String runTag, double maxAckP99Millis, int maxDrainSeconds) throws Exception {
        String tag = "a" + runTag + "s" + (++stepNumber);
        Prober prober = new Prober(rest, probe.split(":", 2)[0]);
        AgentLoad.Config config = new AgentLoad.Config(options.string("host", "127.0.0.1"),
                options.integer("port", 17270), credentials, probe, rate, options.integer("batch", 500),
                options.integer("max-unacked", 2), options.integer("metrics", 20), tag,
                options.integer("warmup", 5), options.integer("duration", 20), 30,
                options.integer("probe-interval-ms", 250));
        AgentLoad.Result result = new AgentLoad(config, prober).run();
        long ackedAt = System.nanoTime();
        // the store catches up: poll the count until it reaches the sent count, bounded
        long stored = 0;
        long caughtUpNanos = -1;
        long deadline = ackedAt + 30_000_000_000L;
        List<String> metrics = SampleCounter.metricsOfStep(tag, config.metricsPerAgent());
        double lastCount = 0; // seconds: the drain includes the counting, so a slow count shows here
        while (System.nanoTime() < deadline) {
            long countStarted = System.nanoTime();
            stored = counter.count(metrics, result.firstTimestampMillis(),
                    result.firstTimestampMillis() + TimeUnit.HOURS.toMillis(1));
            lastCount = (System.nanoTime() - countStarted) / 1e9;
            if (stored >= result.sentSamples()) {
                caughtUpNanos = System.nanoTime() - ackedAt;
                break;
            }
            Thread.sleep(1000);
        }
        storedTotal += stored;
        Latencies probes = prober.finish();
        double ackP99 = result.ackLatencies().percentile(99) / 1e6;
        double drain = caughtUpNanos < 0 ? Double.POSITIVE_INFINITY : caughtUpNanos / 1e9;
        boolean pass = result.errors() == 0 && result.failedConnections() == 0
                && result.ackedSamples() == result.sentSamples() && stored == result.sentSamples()
                && result.achievedRate() >= 0.95 * rate && ackP99 <= maxAckP99Millis && drain <= maxDrainSeconds;
        System.out.printf("step %s target=%.0f/s achieved=%.0f/s sent=%d acked=%d stored=%d resent=%d errors=%d "
                        + "ack_p50=%sms ack_p99=%sms ack_max=%sms drain=%.1fs count=%.1fs probes=%d probe_p50=%sms "
                        + "probe_p99=%sms lost_probes=%d -> %s%n",
                tag, rate, result.achievedRate(), result.sentSamples(), result.ackedSamples(), stored,
                result.resentSamples(), result.errors(), Latencies.millis(result.ackLatencies().percentile(50)),
                Latencies.millis(result.ackLatencies().percentile(99)), Latencies.millis(result.ackLatencies().max()),
                drain, lastCount, probes.count(), Latencies.millis(probes.percentile(50)),
                Latencies.millis(probes.percentile(99)),
                prober.lost(), pass ? "PASS" : "FAIL");
        System.out.flush();
        if (pass) {
            bestProbes = probes;
            bestAcks = result.ackLatencies();
        }
        return pass;
    }
}
