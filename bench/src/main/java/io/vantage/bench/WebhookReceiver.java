package io.vantage.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alert benchmark's webhook endpoint: the JDK's HTTP server on 127.0.0.1 and a free port, taking POSTs on
 * {@code /hook}. Each notice is stamped with its arrival time on entry to the handler (same clock as the probe's
 * sends, since both run in this JVM), answered 204 at once, and queued for the benchmark to match.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<WebhookNotice> notices = new LinkedBlockingQueue<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
        receiver.server.createContext("/hook", receiver::handle);
        receiver.server.setExecutor(receiver.handlers);
        receiver.server.start();
        return receiver;
    }

    /** The URL to give the webhook channel. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Where the notices arrive, oldest first. */
    BlockingQueue<WebhookNotice> notices() {
        return notices;
    }

    /** Requests received, readable or not. */
    int received() {
        return received.get();
    }

    /** Requests whose body was not a notice. */
    int unreadable() {
        return unreadable.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            received.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(204, -1);
            try {
                notices.add(WebhookNotice.parse(body, arrived));
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
                System.out.println("webhook: unreadable notice (" + e.getMessage() + "): " + body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
