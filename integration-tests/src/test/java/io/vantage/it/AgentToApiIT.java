package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real agent process reports through the whole stack (agent, TCP, resource adapter, MDB, JMS, storage consumer,
 * Cassandra) and its samples come back through the REST API; bad input on either side is refused clearly.
 */
class AgentToApiIT {

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantageAndIssueAToken() {
        vantage = RunningVantage.get();
        api = VantageApi.withNewToken(vantage, "integration tests");
    }

    @Test
    void a_real_agents_cpu_memory_and_load_become_queryable_through_the_api() throws Exception {
        String hostname = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (AgentProcess agent = startAgent(hostname)) {
            JsonObject node = awaitNodeWithMetrics(hostname, Set.of("cpu.total", "cpu.user", "cpu.system",
                    "cpu.iowait", "mem.used_percent", "swap.used_percent", "load.1m"));
            long nodeId = node.getJsonNumber("id").longValue();

            JsonObject samples = api.get("/nodes/" + nodeId + "/metrics/cpu.total/samples").json().asJsonObject();
            JsonArray points = samples.getJsonArray("samples");
            assertTrue(points.size() >= 1, samples.toString());
            double cpu = points.getJsonObject(0).getJsonNumber("value").doubleValue();
            assertTrue(cpu >= 0 && cpu <= 100, "cpu.total is a percentage: " + cpu);
            assertTrue(agent.isAlive());
        }
    }

    @Test
    void ingestion_publishes_its_own_figures_in_prometheus_format_on_the_management_port() throws Exception {
        String hostname = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (AgentProcess agent = startAgent(hostname)) {
            awaitNodeWithMetrics(hostname, Set.of("cpu.total"));
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + (9990 + RunningVantage.PORT_OFFSET) + "/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            double samples = scrape.body().lines()
                    .filter(line -> line.startsWith("vantage_ingest_samples_total"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
            assertTrue(samples > 0, "vantage_ingest_samples_total counts what agents sent:\n" + scrape.body()
                    .lines().filter(line -> line.startsWith("vantage")).collect(Collectors.joining("\n")));
            assertTrue(scrape.body().contains("vantage_storage_write_seconds"), "storage latency is published");
        }
    }

    @Test
    void garbage_on_the_agent_port_is_answered_with_an_error_and_closed_while_a_real_agent_keeps_reporting()
            throws Exception {
        String hostname = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (AgentProcess agent = startAgent(hostname)) {
            long nodeId = awaitNodeWithMetrics(hostname, Set.of("cpu.total")).getJsonNumber("id").longValue();
            int before = sampleCount(nodeId);

            try (Socket garbage = new Socket("127.0.0.1", RunningVantage.AGENT_PORT)) {
                garbage.setSoTimeout(10_000);
                OutputStream out = garbage.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: vantage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = garbage.getInputStream();
                FrameReader reader = new FrameReader(in, FrameCodec.DEFAULT_MAX_FRAME_BYTES);
                Frame answer = reader.read();
                ErrorFrame error = assertInstanceOf(ErrorFrame.class, answer);
                assertEquals(ErrorCode.FRAME_TOO_LARGE, error.code());
                assertThrows(EOFException.class, reader::read, "the server closes the connection after the error");
            }

            Optional<Integer> grown = Waits.until(Duration.ofSeconds(30), () -> {
                int now = sampleCount(nodeId);
                return now > before ? Optional.of(now) : Optional.empty();
            });
            assertTrue(grown.isPresent(), "the real agent keeps reporting after the garbage connection");
            assertTrue(agent.isAlive());
        }
    }

    @Test
    void the_api_refuses_missing_or_wrong_credentials_unknown_ids_and_bad_parameters_with_json_errors() {
        VantageApi.Reply anonymous = VantageApi.anonymous(vantage.baseUrl()).get("/nodes");
        assertEquals(401, anonymous.status(), anonymous.toString());

        VantageApi.Reply wrongToken = VantageApi.withToken(vantage.baseUrl(), "vt_not-a-token").get("/nodes");
        assertEquals(401, wrongToken.status(), wrongToken.toString());

        VantageApi.Reply wrongPassword = VantageApi.withPassword(vantage.baseUrl(), "admin", "wrong").get("/nodes");
        assertEquals(401, wrongPassword.status(), wrongPassword.toString());

        VantageApi.Reply unknown = api.get("/nodes/987654321");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals(404, unknown.json().asJsonObject().getInt("status"));

        VantageApi.Reply badTime = api.get("/nodes/987654321/metrics/cpu.total/samples?from=yesterday");
        assertEquals(400, badTime.status(), badTime.toString());
        assertTrue(badTime.json().asJsonObject().getString("message").contains("from"), badTime.toString());

        VantageApi.Reply badLimit = api.get("/nodes/987654321/metrics/cpu.total/samples?limit=0");
        assertEquals(400, badLimit.status(), badLimit.toString());
        assertTrue(badLimit.json().asJsonObject().getString("message").contains("limit"), badLimit.toString());

        VantageApi.Reply badMetric = api.get("/nodes/987654321/metrics/cpu..total/samples");
        assertEquals(400, badMetric.status(), badMetric.toString());

        VantageApi.Reply unnamed = api.post("/agents", "{\"name\":\"\"}");
        assertEquals(400, unnamed.status(), unnamed.toString());
    }

    private AgentProcess startAgent(String hostname) {
        VantageApi.Reply registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}");
        assertEquals(201, registered.status(), registered.toString());
        JsonObject agent = registered.json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        return AgentProcess.start(agent.getString("agentId"), agent.getString("key"), hostname,
                RunningVantage.AGENT_PORT, 1, log);
    }

    private JsonObject awaitNodeWithMetrics(String hostname, Set<String> metrics) {
        return Waits.until(Duration.ofSeconds(60), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                Set<String> reported = node.getJsonArray("latest").stream()
                        .map(latest -> latest.asJsonObject().getString("metric"))
                        .collect(Collectors.toSet());
                if (node.getString("name").equals(hostname) && reported.containsAll(metrics)) {
                    return Optional.of(node);
                }
            }
            return Optional.empty();
        }).orElseThrow(() -> new AssertionError("node " + hostname + " with " + metrics
                + " did not appear in the API; see " + vantage.serverLog()));
    }

    private int sampleCount(long nodeId) {
        return api.get("/nodes/" + nodeId + "/metrics/cpu.total/samples").json().asJsonObject()
                .getJsonArray("samples").size();
    }
}
