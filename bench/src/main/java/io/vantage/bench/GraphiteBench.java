package io.vantage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graphite step search against one receiver ({@code --target vantage|vm|carbon}): the same line stream at
 * each rate, then the stored count read back (Vantage: CQL; VictoriaMetrics: its query API; carbon: whisper
 * files through {@code bench/count-whisper.py}). A step passes when every line is stored within the drain bound
 * and the achieved rate is within 5 % of the target.
 */
final class GraphiteBench {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\\[\\s*[0-9.]+\\s*,\\s*\"([0-9.eE+]+)\"");

    private final Options options;
    private final String target;
    private int stepNumber;

    GraphiteBench(Options options) {
        this.options = options;
        this.target = options.required("target");
    }

    void run() throws Exception {
        String runTag = options.string("run-tag", "r" + System.currentTimeMillis() % 100000);
        SampleCounter counter = target.equals("vantage")
                ? new SampleCounter(options.required("cql"), options.string("keyspace", "vantage")) : null;
        try {
            double best = StepSearch.run(options.decimal("start-rate", 10000), options.integer("max-steps", 5),
                    options.integer("refine", 1), rate -> {
                        try {
                            return step(rate, runTag, counter);
                        } catch (Exception e) {
                            System.out.println("step at " + rate + " failed: " + e);
                            return false;
                        }
                    });
            System.out.printf("RESULT best_rate=%.0f target=%s %s%n", best, target, BenchMain.selfStats());
        } finally {
            if (counter != null) {
                counter.close();
            }
        }
    }

    private boolean step(double rate, String runTag, SampleCounter counter) throws Exception {
        String tag = "g" + runTag + "s" + (++stepNumber);
        int duration = options.integer("duration", 20);
        long base = System.currentTimeMillis() / 1000 - TimeUnit.MINUTES.toSeconds(90);
        GraphiteLoad load = new GraphiteLoad(options.string("host", "127.0.0.1"), options.integer("port", 12203),
                options.integer("clients", 20), options.integer("metrics", 50), tag);
        GraphiteLoad.Result result = load.run(rate, duration, base);
        long sentAt = System.nanoTime();
        long stored = 0;
        double drain = Double.POSITIVE_INFINITY;
        long deadline = sentAt + TimeUnit.SECONDS.toNanos(options.integer("count-timeout-s", 40));
        double lastCount = 0; // seconds: the drain includes the counting, so a slow count shows here
        while (System.nanoTime() < deadline) {
            long countStarted = System.nanoTime();
            stored = count(tag, counter, base);
            lastCount = (System.nanoTime() - countStarted) / 1e9;
            if (stored >= result.sentLines()) {
                drain = (System.nanoTime() - sentAt) / 1e9;
                break;
            }
            Thread.sleep(1000);
        }
        boolean pass = stored == result.sentLines() && result.achievedRate() >= 0.95 * rate
                && drain <= options.integer("max-drain-s", 10);
        System.out.printf("step %s %s target=%.0f/s achieved=%.0f/s sent=%d stored=%d drain=%.1fs count=%.1fs -> %s%n",
                tag, target, rate, result.achievedRate(), result.sentLines(), stored, drain, lastCount,
                pass ? "PASS" : "FAIL");
        System.out.flush();
        return pass;
    }

    private long count(String tag, SampleCounter counter, long baseSeconds)
            throws IOException, InterruptedException, ExecutionException {
        switch (target) {
            case "vantage":
                return counter.count(SampleCounter.metricsOfStep(tag, options.integer("metrics", 50)),
                        baseSeconds * 1000, (baseSeconds + TimeUnit.HOURS.toSeconds(3)) * 1000);
            case "vm":
                return victoriaMetricsCount(tag);
            case "carbon":
                return whisperCount(tag);
            default:
                throw new IllegalArgumentException("unknown target " + target);
        }
    }

    private long victoriaMetricsCount(String tag) throws IOException, InterruptedException {
        String query = "sum(count_over_time({__name__=~\"benchg-[0-9]+\\\\." + tag + "\\\\..*\"}[4h]))";
        String url = options.required("vm-url") + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = VALUE.matcher(response.body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private long whisperCount(String tag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", options.required("whisper-script"),
                options.required("whisper-dir"), tag).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
