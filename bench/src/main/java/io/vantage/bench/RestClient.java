package io.vantage.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of Vantage's REST API the benchmark needs, as the admin: the first call issues an API token with the
 * password, every call after that sends the token. Checking a password is deliberately slow (PBKDF2), so polling with
 * it would spend the server's CPU on the benchmark's own bookkeeping, as it would for any script that did.
 */
final class RestClient {

    private static final Pattern AGENT_ID = Pattern.compile("\"agentId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String basicAuthorization;
    private volatile String authorization;

    RestClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
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

    /** The id of the node named exactly {@code name} (found by an inventory query), or -1 while there is none. */
    long nodeNamed(String name) throws IOException, InterruptedException {
        String query = URLEncoder.encode("name:" + JsonFields.quote(name), StandardCharsets.UTF_8);
        return nodeNamed(call("GET", "/api/v1/nodes?q=" + query, null, 200), name);
    }

    /** From a node list, the id of the node named {@code name} (names match ignoring case, as queries do). */
    static long nodeNamed(String nodesJson, String name) {
        for (String node : JsonFields.array(nodesJson)) {
            Map<String, String> fields = JsonFields.object(node);
            if (name.equalsIgnoreCase(fields.get("name"))) {
                return Long.parseLong(JsonFields.required(fields, "id"));
            }
        }
        return -1;
    }

    /** Sets a node's tags (replacing the ones it had); its other facts stay. */
    void tagNode(long nodeId, String... tags) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{\"tags\":[");
        for (int i = 0; i < tags.length; i++) {
            json.append(i == 0 ? "" : ",").append(JsonFields.quote(tags[i]));
        }
        call("PUT", "/api/v1/nodes/" + nodeId, json.append("]}").toString(), 200);
    }

    /** Creates a webhook channel; returns its id. */
    long createWebhookChannel(String name, String url) throws IOException, InterruptedException {
        return id(call("POST", "/api/v1/channels", "{\"name\":" + JsonFields.quote(name)
                + ",\"kind\":\"WEBHOOK\",\"target\":" + JsonFields.quote(url) + "}", 201));
    }

    /** Turns a webhook channel off: nothing more is sent to it. */
    void disableWebhookChannel(long channelId, String name, String url) throws IOException, InterruptedException {
        call("PUT", "/api/v1/channels/" + channelId, "{\"name\":" + JsonFields.quote(name) + ",\"kind\":\"WEBHOOK\","
                + "\"target\":" + JsonFields.quote(url) + ",\"enabled\":false}", 200);
    }

    /** Creates a notification plan routing one severity to one channel; returns its id. */
    long createPlan(String name, String severity, long channelId) throws IOException, InterruptedException {
        return id(call("POST", "/api/v1/plans", "{\"name\":" + JsonFields.quote(name) + ",\"routes\":{"
                + JsonFields.quote(severity) + ":[" + channelId + "]}}", 201));
    }

    /**
     * Creates a monitor; returns its id.
     *
     * @param ruleJson the rule as a JSON object, e.g. {@code {"direction":"ABOVE","critical":90,"criticalClear":80}}
     */
    long createMonitor(String name, String nodeQuery, String metric, String ruleJson, long planId)
            throws IOException, InterruptedException {
        return id(call("POST", "/api/v1/monitors", "{\"name\":" + JsonFields.quote(name) + ",\"nodeQuery\":"
                + JsonFields.quote(nodeQuery) + ",\"metric\":" + JsonFields.quote(metric) + ",\"rule\":" + ruleJson
                + ",\"planId\":" + planId + "}", 201));
    }

    /** The ids of the nodes a monitor applies to now. */
    Set<Long> monitorNodes(long monitorId) throws IOException, InterruptedException {
        return ids(call("GET", "/api/v1/monitors/" + monitorId + "/nodes", null, 200));
    }

    static Set<Long> ids(String jsonArray) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String element : JsonFields.array(jsonArray)) {
            ids.add(Long.parseLong(element));
        }
        return ids;
    }

    void deleteMonitor(long monitorId) throws IOException, InterruptedException {
        call("DELETE", "/api/v1/monitors/" + monitorId, null, 204, 200);
    }

    private static long id(String json) {
        return Long.parseLong(JsonFields.required(JsonFields.object(json), "id"));
    }

    /** One request with a JSON body (or none); returns the answer's body, or fails unless its status is expected. */
    private String call(String method, String path, String json, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization());
    }

    private synchronized String authorization() throws IOException, InterruptedException {
        if (authorization == null) {
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tokens"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", basicAuthorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + System.nanoTime() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(issued.body());
            if (issued.statusCode() != 201 && issued.statusCode() != 200 || !token.find()) {
                throw new IOException("issuing an API token: HTTP " + issued.statusCode() + " " + issued.body());
            }
            authorization = "Bearer " + token.group(1);
        }
        return authorization;
    }
}
