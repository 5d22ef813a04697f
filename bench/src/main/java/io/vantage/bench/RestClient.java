package io.vantage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Vantage's REST API the benchmark needs, with HTTP Basic admin authentication. */
final class RestClient {

    private static final Pattern AGENT_ID = Pattern.compile("\"agentId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    RestClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Registers an agent; returns {@code id:key}. */
    String registerAgent(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/agents")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("registering " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return credentials(response.body());
    }

    /** {@code id:key} from a registration answer. */
    static String credentials(String json) {
        Matcher id = AGENT_ID.matcher(json);
        Matcher key = KEY.matcher(json);
        if (!id.find() || !key.find()) {
            throw new IllegalArgumentException("no agentId and key in " + json);
        }
        return id.group(1) + ":" + key.group(1);
    }

    /** The node id the agent reports, once it has connected; -1 when not (yet) known. */
    long nodeOf(String agentId) throws IOException, InterruptedException {
        String body = http.send(request("/api/v1/agents").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return nodeOf(body, agentId);
    }

    /** Finds {@code "nodeId":N} in the agent object whose agentId is {@code agentId}. */
    static long nodeOf(String agentsJson, String agentId) {
        int at = agentsJson.indexOf("\"agentId\":\"" + agentId + "\"");
        if (at < 0) {
            return -1;
        }
        int end = agentsJson.indexOf('}', at);
        int start = agentsJson.lastIndexOf('{', at);
        Matcher node = Pattern.compile("\"nodeId\"\\s*:\\s*(\\d+)").matcher(agentsJson.substring(start, end));
        return node.find() ? Long.parseLong(node.group(1)) : -1;
    }

    /** Whether the sample at exactly {@code epochMillis} is queryable. */
    boolean sampleVisible(long nodeId, String metric, long epochMillis) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/nodes/" + nodeId + "/metrics/" + metric
                + "/samples?from=" + epochMillis + "&to=" + (epochMillis + 1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"epochMillis\":" + epochMillis);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization);
    }
}
