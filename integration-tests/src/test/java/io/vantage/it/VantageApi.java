package io.vantage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client of the REST API as a user's script would use it: JSON over HTTP with Basic or bearer auth. */
final class VantageApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    private VantageApi(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static VantageApi withPassword(String baseUrl, String username, String password) {
        String pair = username + ":" + password;
        return new VantageApi(baseUrl, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    static VantageApi withToken(String baseUrl, String token) {
        return new VantageApi(baseUrl, "Bearer " + token);
    }

    /** Issues an API token named {@code name} as the admin and calls with it, as a script of an operator's would. */
    static VantageApi withNewToken(RunningVantage vantage, String name) {
        VantageApi admin = withPassword(vantage.baseUrl(), "admin", RunningVantage.ADMIN_PASSWORD);
        Reply issued = admin.post("/tokens", "{\"name\":\"" + name + "\"}");
        assertEquals(201, issued.status(), issued.toString());
        return withToken(vantage.baseUrl(), issued.json().asJsonObject().getString("token"));
    }

    static VantageApi anonymous(String baseUrl) {
        return new VantageApi(baseUrl, null);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The id of the node named {@code name} once it exists (a sender's first line or an agent's hello makes it). */
    long awaitNode(String name, Duration timeout) {
        return Waits.until(timeout, () -> get("/nodes?q=name:" + name).json().asJsonArray().stream().findFirst()
                        .map(node -> node.asJsonObject().getJsonNumber("id").longValue()))
                .orElseThrow(() -> new AssertionError("node " + name + " never appeared"));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status and body. */
    record Reply(int status, String body) {

        JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** The id of what a POST created; fails unless the answer is 201 Created. */
        long createdId() {
            assertEquals(201, status, toString());
            return json().asJsonObject().getJsonNumber("id").longValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
