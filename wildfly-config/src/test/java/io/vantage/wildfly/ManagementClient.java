package io.vantage.wildfly;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * WildFly's HTTP management API (JSON over {@code /management}), the same requests HAL sends.
 * Uses {@link HttpURLConnection} because it answers the DIGEST challenge of the management
 * interface by itself; {@code java.net.http.HttpClient} only speaks Basic.
 */
final class ManagementClient {

    private final URI baseUri;
    private final Authenticator authenticator;

    ManagementClient(String host, int port, String user, String password) {
        this.baseUri = URI.create("http://" + host + ":" + port);
        this.authenticator = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }

    /** An operation request: {@code op("read-resource", "subsystem", "ee")}. */
    static JsonObjectBuilder op(String operation, String... addressPairs) {
        JsonArrayBuilder address = Json.createArrayBuilder();
        for (int i = 0; i < addressPairs.length; i += 2) {
            address.add(Json.createObjectBuilder().add(addressPairs[i], addressPairs[i + 1]));
        }
        return Json.createObjectBuilder().add("operation", operation).add("address", address);
    }

    /** Runs the operation and returns the whole response ({@code outcome}, {@code result}...). */
    JsonObject execute(JsonObjectBuilder operation) throws IOException {
        HttpURLConnection connection = open("/management");
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream body = connection.getOutputStream()) {
            body.write(operation.build().toString().getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        String contentType = String.valueOf(connection.getContentType());
        if (!contentType.startsWith("application/json")) {
            /* e.g. 401 while the server boots and its realm is not ready yet */
            throw new IOException("HTTP " + status + " (" + contentType + ") from " + connection.getURL());
        }
        /* failed operations come back as 500 with the same JSON body */
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    /** Runs the operation and fails unless it succeeded. */
    JsonObject result(JsonObjectBuilder operation) throws IOException {
        JsonObject response = execute(operation);
        if (!"success".equals(response.getString("outcome", ""))) {
            throw new AssertionError("operation failed: " + response);
        }
        return response;
    }

    /** A plain GET on the management interface, such as the unauthenticated {@code /prometheus}. */
    HttpResponse get(String path) throws IOException {
        HttpURLConnection connection = open(path);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new HttpResponse(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) baseUri.resolve(path).toURL().openConnection();
        connection.setAuthenticator(authenticator);
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(30_000);
        return connection;
    }

    static final class HttpResponse {
        final int status;
        final String body;

        HttpResponse(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }
}
