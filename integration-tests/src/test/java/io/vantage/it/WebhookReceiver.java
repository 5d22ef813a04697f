package io.vantage.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver as a user would run one: the JDK's HTTP server on a free port, taking every notice at once
 * (204) and keeping it.
 */
final class WebhookReceiver implements AutoCloseable {

    /** Long enough for a notice to travel through the alert topic, the notifier and the work queue on a busy box. */
    static final Duration SOON = Duration.ofSeconds(30);

    private final HttpServer server;
    private final List<JsonObject> taken = new CopyOnWriteArrayList<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::answer);
        server.start();
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    /** A notice of {@code kind} raised by the monitor. */
    static Predicate<JsonObject> about(long monitorId, String kind) {
        return named(kind + " notice of monitor " + monitorId,
                h -> h.getJsonObject("monitor").getJsonNumber("id").longValue() == monitorId
                        && kind.equals(h.getString("kind")));
    }

    /** A notice of {@code kind} about the node, whichever monitor raised it. */
    static Predicate<JsonObject> aboutNode(long nodeId, String kind) {
        return named(kind + " notice about node " + nodeId,
                h -> h.getJsonObject("node").getJsonNumber("id").longValue() == nodeId
                        && kind.equals(h.getString("kind")));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The first notice taken that matches, waiting up to {@code timeout} for it. */
    JsonObject awaitHook(Predicate<JsonObject> which, Duration timeout) {
        return Waits.until(timeout, () -> taken.stream().filter(which).findFirst())
                .orElseThrow(() -> new AssertionError("no " + which + " within " + timeout + "; got " + taken));
    }

    /** The kinds of the notices taken from the monitor, sorted: notices are sent in parallel, in no fixed order. */
    List<String> kinds(long monitorId) {
        return taken.stream()
                .filter(h -> h.getJsonObject("monitor").getJsonNumber("id").longValue() == monitorId)
                .map(h -> h.getString("kind"))
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(body))) {
            taken.add(reader.readObject());
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static Predicate<JsonObject> named(String name, Predicate<JsonObject> test) {
        return new Predicate<>() {
            @Override
            public boolean test(JsonObject notice) {
                return test.test(notice);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
