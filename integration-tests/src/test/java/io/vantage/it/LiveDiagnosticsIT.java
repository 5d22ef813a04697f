package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Welcome;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live diagnostics end to end: the API asks the server, the server asks the node's agent over its own connection
 * (protocol version 2), and the agent's process list comes back while its batches keep flowing. A version 1 agent
 * keeps reporting and is named as too old to ask.
 */
class LiveDiagnosticsIT {

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantageAndIssueAToken() {
        vantage = RunningVantage.get();
        api = VantageApi.withNewToken(vantage, "live diagnostics");
    }

    @Test
    void a_real_agents_process_list_contains_its_own_jvm_with_sane_cpu_and_memory() throws Exception {
        String hostname = "it-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = register(hostname);
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log(hostname))) {
            long nodeId = awaitNode(hostname);

            VantageApi.Reply reply = awaitProcesses(nodeId, "?limit=500&sort=memory");
            assertEquals(200, reply.status(), reply.toString());
            JsonObject listing = reply.json().asJsonObject();
            assertEquals(nodeId, listing.getJsonNumber("nodeId").longValue());
            assertEquals(hostname, listing.getString("nodeName"));
            assertEquals(registered.getString("agentId"), listing.getString("agentId"));
            assertEquals("memory", listing.getString("sort"));
            assertTrue(listing.getJsonNumber("cpuIntervalMillis").longValue() >= 500, listing.toString());
            Instant takenAt = Instant.parse(listing.getString("takenAt"));
            assertTrue(Duration.between(takenAt, Instant.now()).abs().toSeconds() < 60, "taken just now: " + takenAt);
            JsonArray processes = listing.getJsonArray("processes");
            assertTrue(listing.getJsonNumber("totalProcesses").longValue() >= processes.size());

            JsonObject self = find(processes, hostname).orElseThrow(() -> new AssertionError(
                    "the agent's own JVM (--hostname " + hostname + ") is not in " + listing));
            double cpu = self.getJsonNumber("cpuPercent").doubleValue();
            long resident = self.getJsonNumber("residentBytes").longValue();
            assertTrue(cpu >= 0 && cpu <= 100.0 * Runtime.getRuntime().availableProcessors(), "cpu " + cpu);
            assertTrue(resident > (8L << 20) && resident < (1L << 30), "a small JVM's resident set: " + resident);
            assertTrue(self.getString("command").contains("vantage-agent"), self.toString());
            assertTrue(!self.getString("command").contains(registered.getString("key"))
                    && self.getString("command").contains("--agent-key ***"), "the agent key stays hidden: " + self);
            assertTrue(!self.getString("user").isBlank(), self.toString());

            // sorted by memory: nothing listed first is smaller than the agent (give or take what moved meanwhile)
            long first = processes.getJsonObject(0).getJsonNumber("residentBytes").longValue();
            assertTrue(first >= resident * 0.9, "largest resident sets first: " + processes);
            assertTrue(agent.isAlive());
        }
    }

    @Test
    void asked_again_the_cpu_covers_the_time_since_the_previous_listing_and_the_limit_holds() throws Exception {
        String hostname = "it-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = register(hostname);
        try (AgentProcess agent = AgentProcess.start(registered.getString("agentId"), registered.getString("key"),
                hostname, RunningVantage.AGENT_PORT, 1, log(hostname))) {
            long nodeId = awaitNode(hostname);
            assertEquals(200, awaitProcesses(nodeId, "?limit=3").status());
            Waits.pause(Duration.ofSeconds(2));

            JsonObject second = api.get("/nodes/" + nodeId + "/processes?limit=3").json().asJsonObject();

            long interval = second.getJsonNumber("cpuIntervalMillis").longValue();
            assertTrue(interval >= 1_900 && interval < 30_000, "since the previous listing: " + interval);
            assertEquals(3, second.getJsonArray("processes").size(), second.toString());
            assertEquals("cpu", second.getString("sort"));
        }
    }

    @Test
    void a_version_1_agent_keeps_reporting_and_is_named_too_old_then_not_connected_once_gone() throws Exception {
        String hostname = "it-v1-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject registered = register(hostname);
        long nodeId;
        try (Socket socket = new Socket("127.0.0.1", RunningVantage.AGENT_PORT)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(FrameCodec.encode(new Hello(ProtocolVersions.V1, ProtocolVersions.V1,
                    registered.getString("agentId"), registered.getString("key"), hostname, "0.9-old")));
            out.flush();
            Frame welcome = new FrameReader(socket.getInputStream(), FrameCodec.DEFAULT_MAX_FRAME_BYTES).read();
            assertEquals(ProtocolVersions.V1, assertInstanceOf(Welcome.class, welcome).version());
            nodeId = awaitNode(hostname);

            VantageApi.Reply outdated = api.get("/nodes/" + nodeId + "/processes");

            assertEquals(409, outdated.status(), outdated.toString());
            JsonObject error = outdated.json().asJsonObject();
            assertEquals("agent_outdated", error.getString("error"));
            assertTrue(error.getString("message").contains("upgrade"), error.toString());
        }
        long node = nodeId;
        Optional<VantageApi.Reply> gone = Waits.until(Duration.ofSeconds(10), () -> {
            VantageApi.Reply reply = api.get("/nodes/" + node + "/processes");
            return reply.status() == 409 && reply.body().contains("agent_not_connected") ? Optional.of(reply)
                    : Optional.empty();
        });
        assertTrue(gone.isPresent(), "once the agent is gone the node has no connected agent");
        assertTrue(gone.get().json().asJsonObject().getString("message").contains(hostname), gone.get().toString());
    }

    @Test
    void an_unknown_node_is_not_found_and_bad_parameters_are_refused() {
        VantageApi.Reply unknown = api.get("/nodes/987654321/processes");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.json().asJsonObject().getString("error"));

        VantageApi.Reply words = api.get("/nodes/987654321/processes?limit=many");
        assertEquals(400, words.status(), words.toString());
        VantageApi.Reply tooMany = api.get("/nodes/987654321/processes?limit=501");
        assertEquals(400, tooMany.status(), tooMany.toString());
        VantageApi.Reply sort = api.get("/nodes/987654321/processes?sort=name");
        assertEquals(400, sort.status(), sort.toString());
        assertTrue(sort.json().asJsonObject().getString("message").contains("sort"), sort.toString());
    }

    private static JsonObject register(String hostname) {
        VantageApi.Reply registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}");
        assertEquals(201, registered.status(), registered.toString());
        return registered.json().asJsonObject();
    }

    private static Path log(String hostname) {
        return Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
    }

    /** The node's id once its agent has been admitted (the node exists from the agent's first hello). */
    private static long awaitNode(String hostname) {
        return Waits.until(Duration.ofSeconds(60), () -> {
            for (JsonValue value : api.get("/nodes").json().asJsonArray()) {
                JsonObject node = value.asJsonObject();
                if (node.getString("name").equals(hostname)) {
                    return Optional.of(node.getJsonNumber("id").longValue());
                }
            }
            return Optional.<Long>empty();
        }).orElseThrow(() -> new AssertionError("node " + hostname + " did not appear; see " + vantage.serverLog()));
    }

    /** The first answer that is not "no agent connected": the node can appear a moment before its agent is reachable. */
    private static VantageApi.Reply awaitProcesses(long nodeId, String query) {
        return Waits.until(Duration.ofSeconds(30), () -> {
            VantageApi.Reply reply = api.get("/nodes/" + nodeId + "/processes" + query);
            return reply.status() == 409 ? Optional.<VantageApi.Reply>empty() : Optional.of(reply);
        }).orElseThrow(() -> new AssertionError("node " + nodeId + "'s agent never became reachable"));
    }

    private static Optional<JsonObject> find(JsonArray processes, String hostname) {
        return processes.stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("command").contains("--hostname " + hostname)).findFirst();
    }
}
