package io.vantage.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * For the tests that take part of the stack away while an agent reports every second, then look for holes: starts
 * such an agent and reads its {@code load.1m} series as the API returns it.
 */
final class ReportedSeries {

    /** Largest step between two consecutive samples of a 1 s agent that counts as "no hole". */
    static final long MAX_STEP_MILLIS = 3_000;

    private final VantageApi api;

    ReportedSeries(VantageApi api) {
        this.api = api;
    }

    /** A registered agent reporting every second, its node once it has stored samples, and where its log goes. */
    record ReportingAgent(AgentProcess process, long nodeId, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.close();
        }
    }

    /** Registers an agent for a new host named after {@code prefix}, starts it and waits for its first 5 samples. */
    ReportingAgent startAgent(String prefix) throws Exception {
        String hostname = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        AgentProcess process = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log);
        try {
            return new ReportingAgent(process, awaitSamples(hostname, 5), log);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    /** The node id of the agent's host, once it has stored at least {@code count} samples. */
    long awaitSamples(String hostname, int count) {
        return Waits.until(Duration.ofSeconds(60), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                if (node.getString("name").equals(hostname)) {
                    long id = node.getJsonNumber("id").longValue();
                    return timestamps(id).size() >= count ? Optional.of(id) : Optional.empty();
                }
            }
            return Optional.empty();
        }).orElseThrow(() -> new AssertionError(hostname + " did not report " + count + " samples"));
    }

    /** The stored samples' times, oldest first; empty while the node has none. */
    List<Long> timestamps(long nodeId) {
        VantageApi.Reply reply = api.get("/nodes/" + nodeId + "/metrics/load.1m/samples");
        if (reply.status() != 200) {
            return List.of();
        }
        return reply.json().asJsonObject().getJsonArray("samples").stream()
                .map(point -> point.asJsonObject().getJsonNumber("epochMillis").longValue())
                .toList();
    }

    /** The first step between consecutive samples longer than {@link #MAX_STEP_MILLIS}, described. */
    static Optional<String> firstHole(List<Long> timestamps) {
        for (int i = 1; i < timestamps.size(); i++) {
            long step = timestamps.get(i) - timestamps.get(i - 1);
            if (step > MAX_STEP_MILLIS) {
                return Optional.of("hole of " + step + " ms before " + Instant.ofEpochMilli(timestamps.get(i)));
            }
        }
        return Optional.empty();
    }
}
