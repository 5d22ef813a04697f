package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server is killed without warning while an agent reports, and stays down for a while; once it is back, the
 * series has no hole: what was acknowledged before the crash was in the broker's journal, and what the agent collected
 * meanwhile was kept and resent.
 */
class ServerCrashIT {

    private static final Duration DOWN = Duration.ofSeconds(10);
    /** Largest step between two consecutive samples of a 1 s agent that counts as "no hole". */
    private static final long MAX_STEP_MILLIS = 3_000;

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantage() {
        vantage = RunningVantage.get();
        api = VantageApi.withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
    }

    @Test
    void killing_and_restarting_the_server_loses_no_sample_the_agent_collected() throws Exception {
        String hostname = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}").json().asJsonObject();
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log)) {
            long nodeId = awaitSamples(hostname, 5);
            Instant killedAt = Instant.now();
            vantage.killAndRestartServer(DOWN);
            Instant restartedAt = Instant.now();

            // wait until samples newer than the restart arrive: everything before them has been resent by then
            List<Long> timestamps = Waits.until(Duration.ofSeconds(90), () -> {
                List<Long> now = loadTimestamps(nodeId);
                return !now.isEmpty() && now.get(now.size() - 1) > restartedAt.plusSeconds(3).toEpochMilli()
                        ? Optional.of(now) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("the agent did not resume reporting after the restart; see "
                    + log + " and " + vantage.serverLog()));

            assertTrue(timestamps.stream().anyMatch(t -> t > killedAt.plusSeconds(2).toEpochMilli()
                            && t < killedAt.plus(DOWN).toEpochMilli()),
                    "samples collected while the server was down were delivered after it came back");
            for (int i = 1; i < timestamps.size(); i++) {
                long step = timestamps.get(i) - timestamps.get(i - 1);
                assertTrue(step <= MAX_STEP_MILLIS, "hole of " + step + " ms in the series before "
                        + Instant.ofEpochMilli(timestamps.get(i)) + " (crash at " + killedAt + ")");
            }
            assertEquals(timestamps.size(), timestamps.stream().distinct().count(), "no sample stored twice");
            assertTrue(agent.isAlive());
        }
    }

    private long awaitSamples(String hostname, int count) {
        return Waits.until(Duration.ofSeconds(60), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                if (node.getString("name").equals(hostname)) {
                    long id = node.getJsonNumber("id").longValue();
                    return loadTimestamps(id).size() >= count ? Optional.of(id) : Optional.empty();
                }
            }
            return Optional.empty();
        }).orElseThrow(() -> new AssertionError(hostname + " did not report " + count + " samples"));
    }

    private List<Long> loadTimestamps(long nodeId) {
        VantageApi.Reply reply = api.get("/nodes/" + nodeId + "/metrics/load.1m/samples");
        if (reply.status() != 200) {
            return List.of();
        }
        return reply.json().asJsonObject().getJsonArray("samples").stream()
                .map(point -> point.asJsonObject().getJsonNumber("epochMillis").longValue())
                .toList();
    }
}
