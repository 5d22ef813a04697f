package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's real collectd, configured as its users do with write_graphite, feeds a running Vantage unchanged. */
class CollectdIT {

    private static final Path COLLECTD = Path.of("/usr/sbin/collectd");

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantage() {
        if (!Files.isExecutable(COLLECTD)) {
            String reason = "Debian's collectd is needed (apt-get install collectd-core)";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason + "; skipped outside CI");
        }
        vantage = RunningVantage.get();
        api = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
    }

    @Test
    void collectds_load_and_memory_arrive_as_the_metrics_of_its_host() throws Exception {
        String host = "collectd-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of(System.getProperty("vantage.it.dir", "target/it"), host);
        Files.createDirectories(dir);
        Path config = dir.resolve("collectd.conf");
        Files.writeString(config, String.join("\n",
                "Hostname \"" + host + "\"",
                "FQDNLookup false",
                "Interval 1",
                "BaseDir \"" + dir + "\"",
                "PIDFile \"" + dir.resolve("collectd.pid") + "\"",
                "TypesDB \"/usr/share/collectd/types.db\"",
                "LoadPlugin load",
                "LoadPlugin memory",
                "LoadPlugin write_graphite",
                "<Plugin write_graphite>",
                "  <Node \"vantage\">",
                "    Host \"127.0.0.1\"",
                "    Port \"" + RunningVantage.GRAPHITE_PORT + "\"",
                "    Protocol \"tcp\"",
                "    Prefix \"collectd.\"",
                "  </Node>",
                "</Plugin>", ""));
        Process collectd = new ProcessBuilder(COLLECTD.toString(), "-f", "-C", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("collectd.log").toFile()).start();
        try {
            Set<String> expected = Set.of("load.load.shortterm", "memory.memory-used");
            Optional<JsonObject> node = Waits.until(Duration.ofSeconds(60), () -> nodeWith(host, expected));
            assertTrue(node.isPresent(), "collectd's " + expected + " for " + host + " did not arrive; see "
                    + dir.resolve("collectd.log") + " and " + vantage.serverLog());
        } finally {
            collectd.destroy();
            if (!collectd.waitFor(10, TimeUnit.SECONDS)) {
                collectd.destroyForcibly();
            }
        }
    }

    private Optional<JsonObject> nodeWith(String name, Set<String> metrics) {
        for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
            JsonObject node = value.asJsonObject();
            Set<String> reported = node.getJsonArray("latest").stream()
                    .map(latest -> latest.asJsonObject().getString("metric")).collect(Collectors.toSet());
            if (node.getString("name").equals(name) && reported.containsAll(metrics)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }
}
