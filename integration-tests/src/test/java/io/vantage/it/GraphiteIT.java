package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graphite plaintext senders (collectd's write_graphite, Telegraf, statsd relays) feed Vantage on their own port:
 * their paths become nodes and metrics, and a sender of garbage is told and cut off while others go on.
 */
class GraphiteIT {

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        api = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
    }

    @Test
    void collectd_style_lines_become_a_node_with_its_metrics_queryable_through_the_api() throws Exception {
        String host = "graphite-" + UUID.randomUUID().toString().substring(0, 8);
        long now = Instant.now().getEpochSecond();
        try (Socket sender = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT)) {
            OutputStream out = sender.getOutputStream();
            for (int i = 0; i < 5; i++) {
                long at = now - 5 + i;
                out.write(("collectd." + host + ".load.load.shortterm " + (0.5 + i) + " " + at + "\n"
                        + "collectd." + host + ".memory.memory-used " + (1e9 + i) + " " + at + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }
        JsonObject node = awaitNode(host, Set.of("load.load.shortterm", "memory.memory-used"));
        long nodeId = node.getJsonNumber("id").longValue();
        int stored = api.get("/nodes/" + nodeId + "/metrics/load.load.shortterm/samples").json().asJsonObject()
                .getJsonArray("samples").size();
        assertTrue(stored == 5, "all five lines of the series are stored, got " + stored);
    }

    @Test
    void an_over_long_line_gets_an_error_and_a_closed_connection_while_another_sender_goes_on() throws Exception {
        String host = "graphite-" + UUID.randomUUID().toString().substring(0, 8);
        try (Socket good = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT);
             Socket bad = new Socket("127.0.0.1", RunningVantage.GRAPHITE_PORT)) {
            bad.setSoTimeout(10_000);
            bad.getOutputStream().write(("x".repeat(5000) + " 1 " + Instant.now().getEpochSecond() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            bad.getOutputStream().flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(bad.getInputStream(),
                    StandardCharsets.US_ASCII));
            String error = answer.readLine();
            assertTrue(error != null && error.startsWith("ERROR"), "a clear error line, got: " + error);
            assertTrue(answer.readLine() == null, "then the connection is closed");

            good.getOutputStream().write((host + ".cpu.user 12.5 " + Instant.now().getEpochSecond() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            good.getOutputStream().flush();
            good.shutdownOutput();
            awaitNode(host, Set.of("cpu.user"));
        }
    }

    private JsonObject awaitNode(String name, Set<String> metrics) {
        return Waits.until(Duration.ofSeconds(30), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                Set<String> reported = node.getJsonArray("latest").stream()
                        .map(latest -> latest.asJsonObject().getString("metric")).collect(Collectors.toSet());
                if (node.getString("name").equals(name) && reported.containsAll(metrics)) {
                    return Optional.of(node);
                }
            }
            return Optional.<JsonObject>empty();
        }).orElseThrow(() -> new AssertionError("node " + name + " with " + metrics + " did not appear; see "
                + vantage.serverLog()));
    }
}
