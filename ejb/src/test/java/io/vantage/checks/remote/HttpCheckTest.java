package io.vantage.checks.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCheckTest {

    private HttpServer server;
    private ExecutorService handlers;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "http-check-test-handler");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/ok", respond(200, "<html>status: all systems go</html>"));
        server.createContext("/down", respond(503, "maintenance"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(200, "late").handle(exchange);
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, never finished
            byte[] chunk = "all systems go ".repeat(4_000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream body = exchange.getResponseBody()) {
                while (true) {
                    body.write(chunk);
                }
            } catch (IOException e) {
                // the client stopped reading: as intended
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void a_200_is_ok_with_status_and_response_time() {
        CheckOutcome outcome = check(settings("/ok")).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertTrue(outcome.message().matches("HTTP OK - 200 OK in \\d+\\.\\d ms"), outcome.message());
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_UP));
        assertEquals(200.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_STATUS));
        assertTrue(outcome.metrics().get(RemoteCheckMetrics.HTTP_RESPONSE_MS) >= 0);
        assertFalse(outcome.metrics().containsKey(RemoteCheckMetrics.HTTP_BODY_MATCH));
        assertFalse(outcome.metrics().containsKey(RemoteCheckMetrics.HTTP_CERT_DAYS_LEFT));
    }

    @Test
    void a_503_is_critical_and_named() {
        CheckOutcome outcome = check(settings("/down")).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("HTTP CRITICAL - 503 Service Unavailable in "), outcome.message());
        assertTrue(outcome.message().endsWith(", expected status 200-399"), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_UP));
        assertEquals(503.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_STATUS));
    }

    @Test
    void an_expected_503_is_ok() {
        CheckOutcome outcome = check(settings("/down").expectedStatus(503, 503)).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
    }

    @Test
    void a_body_regex_that_is_found_is_ok_with_a_match_metric() {
        CheckOutcome outcome = check(settings("/ok").bodyPattern(Pattern.compile("status: all \\w+ go"))).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_BODY_MATCH));
    }

    @Test
    void a_body_regex_that_is_not_found_is_critical() {
        CheckOutcome outcome = check(settings("/ok").bodyPattern(Pattern.compile("degraded"))).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().endsWith("body does not match /degraded/"), outcome.message());
        assertEquals(0.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_BODY_MATCH));
        assertEquals(200.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_STATUS));
    }

    @Test
    void a_slow_handler_is_critical_at_the_timeout() {
        Duration timeout = Duration.ofMillis(300);
        CheckOutcome outcome = check(settings("/slow").timeout(timeout)).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertEquals("HTTP CRITICAL - no response within 300 ms", outcome.message());
        assertTrue(outcome.took().compareTo(timeout.plus(TcpConnectCheckTest.MARGIN)) <= 0, "took " + outcome.took());
    }

    @Test
    void a_closed_port_is_critical_as_a_connection_failure() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        CheckOutcome outcome = check(HttpCheckSettings.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(2))).run();

        assertEquals(CheckStatus.CRITICAL, outcome.status(), outcome.message());
        assertTrue(outcome.message().startsWith("HTTP CRITICAL - connection failed"), outcome.message());
        assertEquals(java.util.Map.of(RemoteCheckMetrics.HTTP_UP, 0.0), outcome.metrics());
    }

    @Test
    void a_redirect_is_judged_as_it_is_unless_followed() {
        CheckOutcome notFollowed = check(settings("/moved")).run();
        CheckOutcome onlyTwoHundred = check(settings("/moved").expectedStatus(200, 200)).run();
        CheckOutcome followed = check(settings("/moved").expectedStatus(200, 200).followRedirects(true)).run();

        assertEquals(CheckStatus.OK, notFollowed.status(), notFollowed.message());
        assertEquals(302.0, notFollowed.metrics().get(RemoteCheckMetrics.HTTP_STATUS));
        assertEquals(CheckStatus.CRITICAL, onlyTwoHundred.status(), onlyTwoHundred.message());
        assertEquals(CheckStatus.OK, followed.status(), followed.message());
        assertEquals(200.0, followed.metrics().get(RemoteCheckMetrics.HTTP_STATUS));
    }

    @Test
    void an_endless_body_is_read_only_up_to_the_limit() {
        CheckOutcome outcome = check(settings("/endless").bodyPattern(Pattern.compile("all systems go"))
                .timeout(Duration.ofSeconds(5))).run();

        assertEquals(CheckStatus.OK, outcome.status(), outcome.message());
        assertEquals(1.0, outcome.metrics().get(RemoteCheckMetrics.HTTP_BODY_MATCH));
    }

    @Test
    void a_regex_that_backtracks_forever_is_stopped_at_the_timeout() {
        server.createContext("/as", respond(200, "a".repeat(40) + "!"));
        Duration timeout = Duration.ofMillis(500);
        // Java's regex engine needs seconds for 29 characters against this pattern, and ages for 41
        CheckOutcome outcome = check(settings("/as").bodyPattern(Pattern.compile("(.*a){12}b")).timeout(timeout))
                .run();

        assertEquals(CheckStatus.UNKNOWN, outcome.status(), outcome.message());
        assertTrue(outcome.message().contains("did not finish within the timeout"), outcome.message());
        assertTrue(outcome.took().compareTo(timeout.plus(TcpConnectCheckTest.MARGIN)) <= 0, "took " + outcome.took());
    }

    private HttpCheckSettings.Builder settings(String path) {
        return HttpCheckSettings.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(2));
    }

    private static HttpCheck check(HttpCheckSettings.Builder settings) {
        return new HttpCheck(settings.build());
    }

    static HttpHandler respond(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (HttpExchange closing = exchange; OutputStream out = closing.getResponseBody()) {
                out.write(bytes);
            }
        };
    }
}
