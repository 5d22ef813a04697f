package io.vantage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code vantage-bench.jar}. Commands:
 * <ul>
 *   <li>{@code register --url U --password P --count N --out FILE}: registers N agents (plus one probe, the last
 *       line) through the REST API and writes {@code id:key} lines;</li>
 *   <li>{@code agent-search ...}: the step search over agent-protocol ingest rates ({@link AgentBench});</li>
 *   <li>{@code graphite-search ...}: the same for Graphite plaintext into Vantage, VictoriaMetrics or carbon
 *       ({@link GraphiteBench});</li>
 *   <li>{@code alert-latency ...}: push-to-webhook time of alert notices under a background agent load
 *       ({@link AlertLatencyBench}).</li>
 * </ul>
 * Each command but register prints one line per step (or breach) and a final {@code RESULT key=value ...} line that bench/run reads.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) {
            System.err.println("usage: java -jar vantage-bench.jar register|agent-search|graphite-search|alert-latency --option value ...");
            System.exit(2);
        }
        Options options = new Options(args, 1);
        switch (args[0]) {
            case "register":
                register(options);
                break;
            case "agent-search":
                new AgentBench(options).run();
                break;
            case "graphite-search":
                new GraphiteBench(options).run();
                break;
            case "alert-latency":
                new AlertLatencyBench(options).run();
                break;
            default:
                System.err.println("unknown command " + args[0]);
                System.exit(2);
        }
        System.exit(0); // driver and HTTP client threads
    }

    private static void register(Options options) throws IOException, InterruptedException {
        RestClient rest = new RestClient(options.required("url"), "admin", options.required("password"));
        int count = options.integer("count", 50);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            lines.add(rest.registerAgent(i == count ? "bench-probe" : "bench-" + i));
        }
        Files.write(Path.of(options.required("out")), lines);
        System.out.println("registered " + count + " agents and a probe");
    }

    /** This process's own peak RSS and CPU, for the RESULT line. */
    static String selfStats() {
        try {
            ProcStats self = ProcStats.of("self");
            return String.format("self_rss_kib=%d self_cpu_s=%.2f", self.peakRssKib(), self.cpuSeconds());
        } catch (IOException e) {
            return "self_rss_kib=0 self_cpu_s=0";
        }
    }
}
