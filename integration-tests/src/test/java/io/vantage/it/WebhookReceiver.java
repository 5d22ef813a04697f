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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver as a user would run one: the JDK's HTTP server on a free port, keeping every notice it takes
 * and every attempt the server made. It takes each notice at once (204), or, made {@link #busyFor busy}, refuses the
 * first attempts at each notice before taking it, to show how the server copes.
 */
final class WebhookReceiver implements AutoCloseable {

    /** Long enough for a notice to travel through the alert topic, the notifier and the work queue on a busy box. */
    static final Duration SOON = Duration.ofSeconds(30);

    /** One request the server made: which notice (its X-Vantage-Notification), when, and what it was told. */
    record Attempt(String noticeId, Instant at, int answered) {
    }

    private final HttpServer server;
    private final int refusals;
    private final int refusal;
    private final String retryAfter;
    private final List<JsonObject> taken = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attemptsPerNotice = new ConcurrentHashMap<>();

    private WebhookReceiver(int refusals, int refusal, String retryAfter) {
        this.refusals = refusals;
        this.refusal = refusal;
        this.retryAfter = retryAfter;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::answer);
        server.start();
    }

    /** Takes every notice at once. */
    static WebhookReceiver start() {
        return new WebhookReceiver(0, 0, null);
    }

    /**
     * Answers the first {@code refusals} attempts at each notice with {@code status} and, unless null, a
     * {@code Retry-After} of {@code retryAfter}; takes the notice (200) at the attempt after.
     */
    static WebhookReceiver busyFor(int refusals, int status, String retryAfter) {
        return new WebhookReceiver(refusals, status, retryAfter);
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

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String noticeId = exchange.getRequestHeaders().getFirst("X-Vantage-Notification");
        int attempt = attemptsPerNotice.merge(String.valueOf(noticeId), 1, Integer::sum);
        int status = attempt <= refusals ? refusal : refusals > 0 ? 200 : 204;
        attempts.add(new Attempt(noticeId, Instant.now(), status));
        if (status < 300) {
            try (var reader = Json.createReader(new StringReader(body))) {
                taken.add(reader.readObject());
            }
        } else if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, -1);
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
