package io.vantage.it;

import static io.vantage.it.CheckPlugins.check;
import static io.vantage.it.CheckPlugins.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real agent runs real Nagios-style plugins (shell scripts) from its checks directory, and what they said comes back
 * through the REST API: the latest result of each check with its status text, a check's history, the text cut to
 * 1 KiB with a marker, and a result made while the server could not be reached arriving once the agent gets through.
 */
class AgentCheckResultsIT {

    private static RunningVantage vantage;
    private static VantageApi api;

    @BeforeAll
    static void startVantageAndIssueAToken() {
        vantage = RunningVantage.get();
        api = VantageApi.withNewToken(vantage, "check results tests");
    }

    @Test
    void a_real_agents_check_status_text_shows_up_in_the_nodes_checks_with_its_history() throws Exception {
        String hostname = "it-checks-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = CheckPlugins.workDir(hostname);
        Path checks = Files.createDirectories(dir.resolve("checks.d"));
        check(checks, "disk", plugin(dir, "disk", "DISK OK - free space: / 3326 MB (56%) | /=3326MB;;;0;5000",
                0));
        check(checks, "chatty", plugin(dir, "chatty", "CRITICAL " + "x".repeat(2000), 2));
        JsonObject registered = register(hostname);

        try (AgentProcess agent = start(registered, hostname, RunningVantage.AGENT_PORT, "--checks-dir",
                checks.toString())) {
            long nodeId = awaitNode(hostname);
            JsonObject disk = awaitCheck(nodeId, "disk", Duration.ofSeconds(60));
            assertEquals("OK", disk.getString("status"));
            assertEquals(0, disk.getInt("statusCode"));
            assertEquals("DISK OK - free space: / 3326 MB (56%)", disk.getString("text"), "the text before '|'");
            assertTrue(disk.getJsonNumber("durationMillis").longValue() >= 0, disk.toString());

            JsonObject chatty = awaitCheck(nodeId, "chatty", Duration.ofSeconds(30));
            assertEquals("CRITICAL", chatty.getString("status"));
            String cut = chatty.getString("text");
            assertTrue(cut.startsWith("CRITICAL xxx") && cut.endsWith("…"), cut);
            assertEquals(1024, cut.getBytes(StandardCharsets.UTF_8).length, "cut to 1 KiB with the marker");

            JsonObject history = Waits.until(Duration.ofSeconds(30), () -> {
                JsonObject answer = api.get("/nodes/" + nodeId + "/checks/disk?limit=5").json().asJsonObject();
                return answer.getJsonArray("history").size() >= 3 ? Optional.of(answer) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("disk's history did not grow; see " + vantage.serverLog()));
            JsonArray runs = history.getJsonArray("history");
            assertTrue(runs.size() <= 5, "limit respected: " + runs.size());
            long previous = Long.MAX_VALUE;
            for (JsonValue run : runs) {
                long finished = run.asJsonObject().getJsonNumber("finishedAtMillis").longValue();
                assertTrue(finished < previous, "newest first, each run once: " + runs);
                previous = finished;
            }
            assertEquals(history.getJsonNumber("finishedAtMillis").longValue(),
                    runs.getJsonObject(0).getJsonNumber("finishedAtMillis").longValue(),
                    "the latest leads the history");

            VantageApi.Reply noCheck = api.get("/nodes/" + nodeId + "/checks/never-defined");
            assertEquals(404, noCheck.status(), noCheck.toString());
            assertEquals("node " + nodeId + " has no check 'never-defined'",
                    noCheck.json().asJsonObject().getString("message"));
            assertEquals(400, api.get("/nodes/" + nodeId + "/checks/not.a.check").status());
            assertEquals(400, api.get("/nodes/" + nodeId + "/checks/disk?limit=lots").status());
            assertEquals(400, api.get("/nodes/" + nodeId + "/checks/disk?limit=0").status());
            assertTrue(agent.isAlive());
        }
    }

    @Test
    void a_check_result_made_while_the_server_was_unreachable_arrives_once_the_agent_gets_through() throws Exception {
        String hostname = "it-offline-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = CheckPlugins.workDir(hostname);
        Path checks = Files.createDirectories(dir.resolve("checks.d"));
        Path spool = dir.resolve("spool");
        check(checks, "procs", plugin(dir, "procs", "PROCS WARNING: said while the server was unreachable",
                1));
        JsonObject registered = register(hostname);

        try (AgentProcess offline = start(registered, hostname, deadPort(), "--checks-dir", checks.toString(),
                "--spool-dir", spool.toString())) {
            Waits.until(Duration.ofSeconds(30), () -> spooledBatches(spool) >= 3 ? Optional.of(true) : Optional.empty())
                    .orElseThrow(() -> new AssertionError("the agent spooled nothing while the server was "
                            + "unreachable"));
        }
        plugin(dir, "procs", "PROCS OK: said after the server was reached", 0);

        try (AgentProcess online = start(registered, hostname, RunningVantage.AGENT_PORT, "--checks-dir",
                checks.toString(), "--spool-dir", spool.toString())) {
            long nodeId = awaitNode(hostname);
            JsonArray runs = Waits.until(Duration.ofSeconds(60), () -> {
                VantageApi.Reply reply = api.get("/nodes/" + nodeId + "/checks/procs?limit=100");
                if (reply.status() != 200) {
                    return Optional.empty();
                }
                JsonArray history = reply.json().asJsonObject().getJsonArray("history");
                return texts(history).contains("PROCS OK: said after the server was reached")
                        && texts(history).contains("PROCS WARNING: said while the server was unreachable")
                        ? Optional.of(history) : Optional.empty();
            }).orElseThrow(() -> new AssertionError("the results made offline and online did not both arrive; see "
                    + vantage.serverLog()));
            JsonObject offlineRun = runs.stream().map(JsonValue::asJsonObject)
                    .filter(run -> run.getString("text").contains("unreachable")).findFirst().orElseThrow();
            assertEquals("WARNING", offlineRun.getString("status"));
            JsonObject latest = api.get("/nodes/" + nodeId + "/checks").json().asJsonArray().getJsonObject(0);
            assertEquals("procs", latest.getString("name"));
            assertEquals("OK", latest.getString("status"), "the spooled older results never hide the newest");
            assertTrue(online.isAlive());
        }
    }

    @Test
    void an_unknown_node_has_no_checks_the_same_answer_as_another_organizations_node() {
        VantageApi.Reply noNode = api.get("/nodes/987654321/checks");
        assertEquals(404, noNode.status(), noNode.toString());
        assertEquals("no node 987654321", noNode.json().asJsonObject().getString("message"));
        VantageApi.Reply noNodesCheck = api.get("/nodes/987654321/checks/disk");
        assertEquals(404, noNodesCheck.status(), noNodesCheck.toString());
        assertEquals("no node 987654321", noNodesCheck.json().asJsonObject().getString("message"));
    }

    private static JsonObject register(String hostname) {
        VantageApi.Reply registered = api.post("/agents", "{\"name\":\"" + hostname + "\"}");
        assertEquals(201, registered.status(), registered.toString());
        return registered.json().asJsonObject();
    }

    private static AgentProcess start(JsonObject registered, String hostname, int port, String... more) {
        Path log = Path.of(System.getProperty("vantage.it.dir", "target/it"), "agent-" + hostname + ".log");
        return AgentProcess.start(registered.getString("agentId"), registered.getString("key"), hostname, port, 1,
                log, more);
    }

    private long awaitNode(String hostname) {
        return Waits.until(Duration.ofSeconds(60), () -> api.get("/nodes").json().asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(node -> node.getString("name").equals(hostname))
                        .map(node -> node.getJsonNumber("id").longValue())
                        .findFirst())
                .orElseThrow(() -> new AssertionError("node " + hostname + " did not appear; see "
                        + vantage.serverLog()));
    }

    private JsonObject awaitCheck(long nodeId, String name, Duration timeout) {
        return Waits.until(timeout, () -> api.get("/nodes/" + nodeId + "/checks").json().asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(check -> check.getString("name").equals(name))
                        .findFirst())
                .orElseThrow(() -> new AssertionError("check " + name + " of node " + nodeId
                        + " did not show up; see " + vantage.serverLog()));
    }

    private static List<String> texts(JsonArray history) {
        return history.stream().map(run -> run.asJsonObject().getString("text")).toList();
    }

    private static long spooledBatches(Path spool) {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> file.getFileName().toString().startsWith("batch-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on: the server as the agent sees it while it is down. */
    private static int deadPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
