package io.vantage.notifications.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vantage.notifications.channels.DeliveryResult.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What the receiver got on /hook. */
    private record Received(Headers headers, byte[] body) {
    }

    private final BlockingQueue<Received> received = new ArrayBlockingQueue<>(10);
    private HttpServer server;
    private ExecutorService handlers;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(); // a sleeping handler must not hold up the next request
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            respond(exchange, 204, null, null);
        });
        server.createContext("/broken", exchange -> respond(exchange, 500, null, "database is down"));
        server.createContext("/busy", exchange -> respond(exchange, 429, "30", "slow down"));
        server.createContext("/missing", exchange -> respond(exchange, 404, null, "no such hook"));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, null, null);
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void the_receiver_gets_the_notice_as_json_with_its_id_in_a_header() throws Exception {
        DeliveryResult result = channel(Duration.ofSeconds(5)).send(Notices.problem(), url("/hook"), null);

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals(204, result.httpStatus());
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals("Vantage/dev", request.headers().getFirst("User-Agent"));
        assertEquals("n-problem-1", request.headers().getFirst("X-Vantage-Notification"));
        assertFalse(request.headers().containsKey("X-Vantage-Signature"), "no secret, no signature");
        JsonObject json = Json.createReader(new StringReader(new String(request.body(), StandardCharsets.UTF_8)))
                .readObject();
        assertEquals("n-problem-1", json.getString("id"));
        assertEquals("PROBLEM", json.getString("kind"));
        assertEquals("CRITICAL", json.getString("severity"));
        assertEquals("OK", json.getString("previousSeverity"));
        assertEquals(3, json.getJsonObject("node").getInt("id"));
        assertEquals("web-1", json.getJsonObject("node").getString("name"));
        assertEquals(7, json.getJsonObject("monitor").getInt("id"));
        assertEquals("High CPU", json.getJsonObject("monitor").getString("name"));
        assertEquals(42, json.getInt("alertId"));
        assertEquals("cpu.total.busy", json.getString("metric"));
        assertEquals(97.5, json.getJsonNumber("value").doubleValue());
        assertEquals("> 90 (clears at <= 80)", json.getString("threshold"));
        assertEquals("2026-11-28T03:12:45Z", json.getString("occurredAt"));
        assertEquals("Acme", json.getString("organization"));
        assertEquals("https://vantage.example.com/alerts/42", json.getString("link"));
    }

    @Test
    void with_a_secret_the_signature_is_an_hmac_sha256_of_the_exact_body() throws Exception {
        String secret = "s3cret-ünïcode";

        channel(Duration.ofSeconds(5)).send(Notices.problem(), url("/hook"), secret);

        Received request = received.poll(5, TimeUnit.SECONDS);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        String header = request.headers().getFirst("X-Vantage-Signature");
        assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII)), header + " != " + expected);
    }

    @Test
    void a_server_error_is_retryable_and_says_what_the_receiver_said() {
        DeliveryResult result = channel(Duration.ofSeconds(5)).send(Notices.problem(), url("/broken"), null);

        assertEquals(Outcome.RETRYABLE, result.outcome());
        assertEquals(500, result.httpStatus());
        assertEquals("HTTP 500 from 127.0.0.1:" + server.getAddress().getPort() + ": database is down",
                result.detail());
        assertNull(result.retryAfter());
    }

    @Test
    void too_many_requests_is_retryable_after_the_wait_the_receiver_asked_for() {
        DeliveryResult result = channel(Duration.ofSeconds(5)).send(Notices.problem(), url("/busy"), null);

        assertEquals(Outcome.RETRYABLE, result.outcome());
        assertEquals(429, result.httpStatus());
        assertEquals(Duration.ofSeconds(30), result.retryAfter());
    }

    @Test
    void not_found_is_a_permanent_failure() {
        DeliveryResult result = channel(Duration.ofSeconds(5)).send(Notices.problem(), url("/missing"), null);

        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertEquals(404, result.httpStatus());
    }

    @Test
    void a_receiver_slower_than_the_timeout_is_retryable_and_does_not_hold_the_caller() {
        Duration timeout = Duration.ofMillis(300);

        DeliveryResult result = channel(timeout).send(Notices.problem(), url("/slow"), null);

        assertEquals(Outcome.RETRYABLE, result.outcome(), result.detail());
        assertNull(result.httpStatus());
        assertTrue(result.took().compareTo(timeout.plusSeconds(1)) < 0, "took " + result.took());
    }

    @Test
    void a_refused_connection_is_retryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryResult result = channel(Duration.ofSeconds(5))
                .send(Notices.problem(), URI.create("http://127.0.0.1:" + closedPort + "/hook"), "secret");

        assertEquals(Outcome.RETRYABLE, result.outcome());
        assertTrue(result.detail().startsWith("could not connect to 127.0.0.1:" + closedPort), result.detail());
    }

    @Test
    void a_url_that_is_not_http_is_a_permanent_failure_without_a_request() {
        DeliveryResult result = channel(Duration.ofSeconds(5))
                .send(Notices.problem(), URI.create("ftp://127.0.0.1/hook"), null);

        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertTrue(result.detail().contains("http:// or https://"), result.detail());
    }

    private WebhookChannel channel(Duration timeout) {
        return new WebhookChannel(CLIENT, timeout);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
